//! A small library of articles written for byline, compiled into the binary.
