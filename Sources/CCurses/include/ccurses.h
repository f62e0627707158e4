#ifndef CCURSES_H
#define CCURSES_H
int ccurses_placeholder(void);
#endif
