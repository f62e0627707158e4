#include "ccurses_caps.h"
#include <ncursesw/term.h>

int ccurses_can_address_cursor(void) {
    const char *cup = tigetstr((char *)"cup");
    return cup != NULL && cup != (char *)-1;
}

int ccurses_mouse_on(void) {
    mmask_t wanted = BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED;
#ifdef BUTTON5_PRESSED
    wanted |= BUTTON5_PRESSED;
#endif
    /* Report a press at once: a click must not wait for ncurses' click interval. */
    mouseinterval(0);
    return mousemask(wanted, NULL) != 0;
}

int ccurses_mouse_event(int *row, int *column) {
    MEVENT event;
    if (getmouse(&event) != OK) return -1;
    *row = event.y;
    *column = event.x;
    if (event.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)) return CCURSES_MOUSE_CLICK;
    if (event.bstate & BUTTON4_PRESSED) return CCURSES_MOUSE_WHEEL_UP;
#ifdef BUTTON5_PRESSED
    if (event.bstate & BUTTON5_PRESSED) return CCURSES_MOUSE_WHEEL_DOWN;
#endif
    return CCURSES_MOUSE_OTHER;
}
