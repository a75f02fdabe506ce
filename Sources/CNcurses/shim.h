#ifndef COORD_CNCURSES_SHIM_H
#define COORD_CNCURSES_SHIM_H
/* SwiftPM drops pkg-config's -D flags, so turn on the wide-character API here. */
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncurses.h>

/* Macros with casts and C globals are not importable (or not concurrency-safe) in Swift 6. */
static inline WINDOW *coord_stdscr(void) { return stdscr; }
static inline attr_t coord_a_normal(void) { return A_NORMAL; }
static inline attr_t coord_a_bold(void) { return A_BOLD; }
static inline attr_t coord_a_reverse(void) { return A_REVERSE; }
static inline attr_t coord_a_underline(void) { return A_UNDERLINE; }
static inline attr_t coord_a_dim(void) { return A_DIM; }
static inline FILE *coord_stdin(void) { return stdin; }
static inline FILE *coord_stdout(void) { return stdout; }
/* Mouse: the BUTTONn_* masks are macros with shifts. Press only, and at once: with
   mouseinterval(0) curses does not wait to tell a click from a press. True when the
   terminal reports the mouse. */
static inline bool coord_mouse(bool on) {
    mmask_t want = on ? (BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED) : 0;
    mmask_t got = mousemask(want, NULL);
    mouseinterval(0);
    return on && got != 0 && has_mouse();
}
/* The mouse event just read (after KEY_MOUSE): 1 left press, 2 wheel up, 3 wheel down, 0 else. */
static inline int coord_mouse_event(int *x, int *y) {
    MEVENT e;
    if (getmouse(&e) != OK) return 0;
    *x = e.x; *y = e.y;
    if (e.bstate & BUTTON1_PRESSED) return 1;
    if (e.bstate & BUTTON4_PRESSED) return 2;
    if (e.bstate & BUTTON5_PRESSED) return 3;
    return 0;
}
#endif
