#ifndef CCURSES_H
#define CCURSES_H

/* The wide-character API (get_wch, add_wch, cchar_t, addwstr) is declared only with this
 * define, and SwiftPM drops pkg-config's -D flags: it must sit here, before the include. */
#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>

/* Shims for what Swift 6 cannot import: attribute macros built from expressions,
 * KEY_F(n), COLOR_PAIR, the stdscr/LINES/COLS globals, getmaxyx. */

static inline WINDOW *ccurses_stdscr(void) { return stdscr; }
static inline int ccurses_lines(WINDOW *win) { return getmaxy(win); }
static inline int ccurses_cols(WINDOW *win) { return getmaxx(win); }
static inline int ccurses_colors(void) { return COLORS; }

static inline attr_t ccurses_a_normal(void) { return A_NORMAL; }
static inline attr_t ccurses_a_bold(void) { return A_BOLD; }
static inline attr_t ccurses_a_reverse(void) { return A_REVERSE; }
static inline attr_t ccurses_a_underline(void) { return A_UNDERLINE; }
static inline attr_t ccurses_a_dim(void) { return A_DIM; }
static inline attr_t ccurses_color_pair(int pair) { return (attr_t)COLOR_PAIR(pair); }

/* Sets a window's attributes and colour pair for the text written next. */
static inline int ccurses_set_attributes(WINDOW *win, attr_t attributes, short pair) {
    return wattr_set(win, attributes, pair, NULL);
}

static inline int ccurses_key_f(int n) { return KEY_F(n); }

/* Key codes as plain constants (the octal macros are fine in Swift today, but one place
 * for all of them keeps the decoder readable). */
enum {
    CCURSES_OK = OK,
    CCURSES_ERR = ERR,
    CCURSES_KEY_CODE_YES = KEY_CODE_YES,
    CCURSES_KEY_DOWN = KEY_DOWN,
    CCURSES_KEY_UP = KEY_UP,
    CCURSES_KEY_LEFT = KEY_LEFT,
    CCURSES_KEY_RIGHT = KEY_RIGHT,
    CCURSES_KEY_HOME = KEY_HOME,
    CCURSES_KEY_END = KEY_END,
    CCURSES_KEY_PPAGE = KEY_PPAGE,
    CCURSES_KEY_NPAGE = KEY_NPAGE,
    CCURSES_KEY_BACKSPACE = KEY_BACKSPACE,
    CCURSES_KEY_DC = KEY_DC,
    CCURSES_KEY_ENTER = KEY_ENTER,
    CCURSES_KEY_BTAB = KEY_BTAB,
    CCURSES_KEY_RESIZE = KEY_RESIZE,
    CCURSES_KEY_F0 = KEY_F0,
    CCURSES_KEY_A1 = KEY_A1,
    CCURSES_KEY_A3 = KEY_A3,
    CCURSES_KEY_C1 = KEY_C1,
    CCURSES_KEY_C3 = KEY_C3,
    CCURSES_KEY_LL = KEY_LL,
    CCURSES_KEY_MAX = KEY_MAX,
};

/* Start-up helpers, in C because they touch C globals (stdout, stdin) or need
 * _XOPEN_SOURCE. */

/* setlocale(LC_ALL, "") (with LC_NUMERIC kept at "C"); when its codeset is not UTF-8,
 * setlocale(LC_CTYPE, "C.UTF-8").
 * Returns a bit set: 1 = the environment's own locale is UTF-8, 2 = a UTF-8 LC_CTYPE is
 * active now (after the fallback, if one was needed). */
int ccurses_setup_locale(void);

/* newterm(NULL, stdout, stdin): unlike initscr, returns NULL instead of exiting when the
 * terminal type is unknown. */
SCREEN *ccurses_newterm(void);

int ccurses_set_escdelay(int milliseconds);

/* wcwidth() in the current locale (declared by glibc only under _XOPEN_SOURCE). */
int ccurses_wcwidth(int codepoint);

/* isatty on fds 0 and 1. */
int ccurses_has_terminal(void);

/* Resizes and waiting for input. */

/* After ncurses has started: SIGWINCH (on any thread) writes to a pipe instead of setting
 * ncurses' flag, which a blocking read would not notice. Returns 0 on success. */
int ccurses_resize_watch_install(void);

/* Waits up to timeout (-1: forever) for input on fd 0 or a resize, using no CPU.
 * Returns a bit set (1: input, 2: resize), 0 on timeout, -1 on error (errno). */
int ccurses_wait_input(int timeout_milliseconds);

/* When a resize was signalled: reads the new size from the terminal and resizes ncurses
 * (resize_term) if it changed, then returns 1; otherwise 0. */
int ccurses_take_resize(void);

/* The terminal guard. */

/* Unblocks SIGWINCH and every signal the guard handles in the calling thread (a parent may
 * have blocked them). */
void ccurses_unblock_signals(void);

/* Saves the termios of fd 0. Call before ncurses starts. Returns 0 on success. */
int ccurses_save_termios(void);

/* After the screen is up: precomputes the reset string (sgr0, cnorm, rmkx, rmcup, mouse
 * off) with tigetstr, installs one async-signal-safe handler for every signal whose default
 * ends the process (INT, TERM, HUP, QUIT, USR1, USR2, ALRM, XCPU, VTALRM, PROF, IO, STKFLT,
 * PWR; SEGV, BUS, ILL, TRAP, FPE, ABRT, SYS), replacing ncurses' own, and registers an atexit
 * that calls endwin. Termination signals restore the terminal and re-raise with the
 * default action (status 128+signal); crash signals restore the terminal and chain to the
 * handler that was there before (the Swift backtracer) or the default. Signals ignored on
 * entry stay ignored. A crash signal sent from outside (kill -SEGV) is not a crash of this
 * process: it takes the default action, without the backtracer. Safe to call more than once. */
void ccurses_guard_install(void);

/* After endwin: the handler stops writing the reset string (it still restores termios
 * and re-raises). */
void ccurses_guard_disarm(void);

/* A line written to the terminal after the reset when the process crashes (for example
 * where the log with the error message is). NULL or "" for none. Call before a crash can
 * happen, not from a signal handler. */
void ccurses_guard_set_crash_note(const char *note);

/* The precomputed reset string, for tests. */
const char *ccurses_guard_reset_string(void);

#endif
