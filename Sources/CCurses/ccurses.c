/* wcwidth is declared only under _XOPEN_SOURCE; sigaction's siginfo fields need it too. */
#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE 1

#include "ccurses.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

/* ---------------------------------------------------------------- start-up helpers */

static int names_utf8(const char *text) {
    if (text == NULL) return 0;
    for (const char *p = text; *p; p++) {
        if (strncasecmp(p, "utf-8", 5) == 0 || strncasecmp(p, "utf8", 4) == 0) return 1;
    }
    return 0;
}

int ccurses_setup_locale(void) {
    int result = 0;
    setlocale(LC_ALL, "");
    /* Only the character type matters to the screen; numbers stay as C prints them. */
    setlocale(LC_NUMERIC, "C");
    if (names_utf8(nl_langinfo(CODESET))) return 1 | 2;

    /* The environment may ask for a UTF-8 locale that is not installed (only C, C.utf8 and
     * POSIX are on many minimal machines): it still means the terminal speaks UTF-8. */
    const char *requested = getenv("LC_ALL");
    if (requested == NULL || *requested == '\0') requested = getenv("LC_CTYPE");
    if (requested == NULL || *requested == '\0') requested = getenv("LANG");
    if (names_utf8(requested)) result |= 1;

    if (setlocale(LC_CTYPE, "C.UTF-8") != NULL && names_utf8(nl_langinfo(CODESET))) result |= 2;
    return result;
}

SCREEN *ccurses_newterm(void) { return newterm(NULL, stdout, stdin); }

int ccurses_set_escdelay(int milliseconds) { return set_escdelay(milliseconds); }

int ccurses_wcwidth(int codepoint) { return wcwidth((wchar_t)codepoint); }

int ccurses_has_terminal(void) { return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO); }

/* ---------------------------------------------------------------- resize and input wait */

/* SIGWINCH writes a byte here. ncurses' own handler only sets a flag that a blocking read
 * never sees: a resize between a refresh and the read, or one handled by another thread,
 * would wait for the next key. A pipe wakes poll() whichever thread ran the handler. */
static int resize_pipe[2] = {-1, -1};

static void resize_handler(int signal_number) {
    (void)signal_number;
    int saved_errno = errno;
    if (resize_pipe[1] >= 0) {
        char byte = 1;
        (void)write(resize_pipe[1], &byte, 1); /* a full pipe already says "resized" */
    }
    errno = saved_errno;
}

static int set_flags(int fd) {
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) return -1;
    return fcntl(fd, F_SETFD, FD_CLOEXEC);
}

int ccurses_resize_watch_install(void) {
    if (resize_pipe[0] < 0) {
        if (pipe(resize_pipe) != 0) return -1;
        if (set_flags(resize_pipe[0]) != 0 || set_flags(resize_pipe[1]) != 0) return -1;
    }
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_handler = resize_handler;
    action.sa_flags = SA_RESTART;
    sigemptyset(&action.sa_mask);
    return sigaction(SIGWINCH, &action, NULL);
}

int ccurses_wait_input(int timeout_milliseconds) {
    struct pollfd fds[2];
    fds[0].fd = STDIN_FILENO;
    fds[0].events = POLLIN;
    fds[0].revents = 0;
    fds[1].fd = resize_pipe[0];
    fds[1].events = POLLIN;
    fds[1].revents = 0;
    int count = poll(fds, resize_pipe[0] >= 0 ? 2 : 1, timeout_milliseconds);
    if (count <= 0) return count;
    int result = 0;
    if (fds[0].revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL)) result |= 1;
    if (resize_pipe[0] >= 0 && (fds[1].revents & POLLIN)) result |= 2;
    return result;
}

int ccurses_take_resize(void) {
    if (resize_pipe[0] < 0) return 0;
    char buffer[64];
    int signalled = 0;
    while (read(resize_pipe[0], buffer, sizeof(buffer)) > 0) signalled = 1;
    if (!signalled) return 0;
    struct winsize size;
    if ((ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 || ioctl(STDIN_FILENO, TIOCGWINSZ, &size) == 0)
        && size.ws_row > 0 && size.ws_col > 0
        && (size.ws_row != getmaxy(stdscr) || size.ws_col != getmaxx(stdscr))) {
        resize_term(size.ws_row, size.ws_col);
    }
    return 1;
}

/* ---------------------------------------------------------------- the terminal guard */

static struct termios saved_termios;
static volatile sig_atomic_t have_termios = 0;

static char reset_string[512];
static size_t reset_length = 0;
/* Printed after the reset when this process crashes (where its error message went). */
static char crash_note[1024];
static size_t crash_note_length = 0;
/* 1 while the screen is up: the handler then writes the reset string. */
static volatile sig_atomic_t armed = 0;
static int installed = 0;

/* Every signal whose default action ends the process must restore the terminal first: those
 * that only end it, and those that dump core. Crash signals chain to the Swift backtracer
 * when this process raised them. SIGPIPE and SIGXFSZ are ignored by the program instead (a
 * failed write is a failed save, reported on screen). */
static const int termination_signals[] = {
    SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGXCPU, SIGVTALRM, SIGPROF, SIGIO,
#ifdef SIGSTKFLT
    SIGSTKFLT,
#endif
#ifdef SIGPWR
    SIGPWR,
#endif
};
static const int crash_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT, SIGSYS};
#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

/* What was installed before us, per crash signal: the Swift backtracer, or the default. */
static struct sigaction previous_actions[COUNT(crash_signals)];

void ccurses_unblock_signals(void) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGWINCH);
    for (size_t i = 0; i < COUNT(termination_signals); i++) sigaddset(&set, termination_signals[i]);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

int ccurses_save_termios(void) {
    if (tcgetattr(STDIN_FILENO, &saved_termios) != 0) return -1;
    have_termios = 1;
    return 0;
}

/* Appends a terminfo string without its padding ("$<5>"), which only tputs understands. */
static void append_capability(const char *name) {
    char *value = tigetstr((char *)name);
    if (value == NULL || value == (char *)-1) return;
    for (const char *p = value; *p; p++) {
        if (p[0] == '$' && p[1] == '<') {
            const char *close = strchr(p, '>');
            if (close != NULL) { p = close; continue; }
        }
        if (reset_length + 1 >= sizeof(reset_string)) return;
        reset_string[reset_length++] = *p;
    }
    reset_string[reset_length] = '\0';
}

static void append_literal(const char *text) {
    size_t length = strlen(text);
    if (reset_length + length + 1 >= sizeof(reset_string)) return;
    memcpy(reset_string + reset_length, text, length);
    reset_length += length;
    reset_string[reset_length] = '\0';
}

static void compute_reset_string(void) {
    reset_length = 0;
    reset_string[0] = '\0';
    append_capability("sgr0");
    append_capability("cnorm");
    append_capability("rmkx");
    /* Mouse reporting is never turned on, but a crash must not leave it on either. */
    char *mouse = tigetstr((char *)"kmous");
    if (mouse != NULL && mouse != (char *)-1) {
        append_literal("\033[?1006l\033[?1003l\033[?1002l\033[?1000l");
    }
    append_capability("rmcup");
}

/* Only async-signal-safe calls from here on. */
static void write_all(const char *text, size_t length) {
    size_t written = 0;
    while (written < length) {
        ssize_t n = write(STDOUT_FILENO, text + written, length - written);
        if (n > 0) written += (size_t)n;
        else if (n < 0 && errno == EINTR) continue;
        else break;
    }
}

static void restore_terminal(void) {
    if (have_termios) tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
    if (armed) {
        armed = 0;
        write_all(reset_string, reset_length);
    }
}

static int crash_index(int signal_number) {
    for (size_t i = 0; i < COUNT(crash_signals); i++) {
        if (crash_signals[i] == signal_number) return (int)i;
    }
    return -1;
}

static void guard_handler(int signal_number, siginfo_t *info, void *context) {
    (void)context;
    int saved_errno = errno;
    int screen_was_up = armed;
    restore_terminal();

    int index = crash_index(signal_number);
    /* A crash of this process: a fault (si_code > 0) or a signal it raised itself (abort,
     * a trap). Anything else was sent from outside: there is no crash to trace. */
    int own = info != NULL && (info->si_code > 0 || (info->si_code == SI_TKILL && info->si_pid == getpid()));
    if (index >= 0 && own) {
        if (screen_was_up) write_all(crash_note, crash_note_length);
        /* Chain to what was there before (the Swift backtracer prints the crash and exits
         * with the crash status), or to the default action. */
        struct sigaction next = previous_actions[index];
        if (next.sa_handler == SIG_IGN) {
            memset(&next, 0, sizeof(next));
            next.sa_handler = SIG_DFL;
            sigemptyset(&next.sa_mask);
        }
        sigaction(signal_number, &next, NULL);
        /* A fault happens again when this handler returns, and the next handler sees the
         * real one. A raised signal (abort) or a breakpoint (which does not repeat) is
         * raised again: it stays pending until this handler returns. */
        if (info->si_code <= 0 || signal_number == SIGTRAP) raise(signal_number);
    } else {
        struct sigaction fallback;
        memset(&fallback, 0, sizeof(fallback));
        fallback.sa_handler = SIG_DFL;
        sigemptyset(&fallback.sa_mask);
        sigaction(signal_number, &fallback, NULL);
        raise(signal_number); /* delivered on return: the process ends with 128+signal */
    }
    errno = saved_errno;
}

static void end_window_at_exit(void) {
    if (armed && !isendwin()) endwin();
    armed = 0;
}

void ccurses_guard_install(void) {
    compute_reset_string();
    armed = 1;
    if (installed) return;
    installed = 1;

    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_sigaction = guard_handler;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&action.sa_mask);

    for (size_t i = 0; i < COUNT(termination_signals); i++) {
        struct sigaction current;
        if (sigaction(termination_signals[i], NULL, &current) == 0 && current.sa_handler == SIG_IGN) {
            continue; /* ignored on entry (nohup, background job): keep it ignored */
        }
        sigaction(termination_signals[i], &action, NULL);
    }
    for (size_t i = 0; i < COUNT(crash_signals); i++) {
        sigaction(crash_signals[i], &action, &previous_actions[i]);
    }
    atexit(end_window_at_exit);
}

void ccurses_guard_disarm(void) { armed = 0; }

void ccurses_guard_set_crash_note(const char *note) {
    size_t length = note == NULL ? 0 : strlen(note);
    if (length >= sizeof(crash_note)) length = sizeof(crash_note) - 1;
    crash_note_length = 0; /* never half-written while a handler could read it */
    if (length > 0) memcpy(crash_note, note, length);
    crash_note[length] = '\0';
    crash_note_length = length;
}

const char *ccurses_guard_reset_string(void) { return reset_string; }
