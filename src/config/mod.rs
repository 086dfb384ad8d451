//! The configuration: documented defaults compiled in, overlaid by the user's file.
