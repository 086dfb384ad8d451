//! byline — a terminal reader for collections of news articles.
//!
//! The library core (`corpus`, `article`, `entities`, `annotations`, `config`) knows
//! nothing of the terminal, so every part of the product can be driven and tested without
//! one. The `tui` module is a thin layer on top of it; `main.rs` only parses arguments and
//! dispatches.

pub mod annotations;
pub mod article;
pub mod config;
pub mod corpus;
pub mod entities;
pub mod sample;
pub mod tui;
