//! The terminal interface: a thin Elm-style layer over the library core.
