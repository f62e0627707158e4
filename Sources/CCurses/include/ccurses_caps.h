#ifndef CCURSES_CAPS_H
#define CCURSES_CAPS_H

#include "ccurses.h"

/* What the terminal can do, asked once ncurses has started. */

/* 1 when the terminal's terminfo entry can move the cursor (cup), 0 when it cannot
 * (TERM=dumb, a printing terminal). */
int ccurses_can_address_cursor(void);

/* The mouse: clicks and the wheel. Returns 1 when ncurses reports them (the terminal has a
 * mouse protocol). */
int ccurses_mouse_on(void);

enum {
    CCURSES_KEY_MOUSE = KEY_MOUSE,
    CCURSES_MOUSE_OTHER = 0,
    CCURSES_MOUSE_CLICK = 1,
    CCURSES_MOUSE_WHEEL_UP = 4,
    CCURSES_MOUSE_WHEEL_DOWN = 5,
};

/* After KEY_MOUSE: the event's row and column, and its kind (CCURSES_MOUSE_*); -1 when
 * there is no event to take. */
int ccurses_mouse_event(int *row, int *column);

#endif
