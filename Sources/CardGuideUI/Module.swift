// The pure UI layer: state, actions, update, keymaps, view into a cell grid.
