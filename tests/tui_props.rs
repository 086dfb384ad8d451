//! Property test: whatever the terminal size (from 1×1) and whatever keys were pressed,
//! rendering never panics and stays inside the screen.

mod tui_support;

use byline::tui::{Action, update};
use proptest::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_support::*;

fn key_strategy() -> impl Strategy<Value = KeyEvent> {
    let chars = prop::sample::select(vec![
        'j', 'k', 'g', 'G', 'h', 'l', 'n', 'N', 'z', 'b', 'r', '/', '1', '2', '3', '4', '5', 'x',
        'p', 'u', 'e', 'v', '?', 'W',
    ]);
    prop_oneof![
        chars.prop_map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        prop::sample::select(vec![
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Down,
            KeyCode::Up,
            KeyCode::PageDown,
            KeyCode::PageUp,
            KeyCode::Backspace,
        ])
        .prop_map(|k| KeyEvent::new(k, KeyModifiers::NONE)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn renders_at_any_size(
        w in 1u16..160,
        h in 1u16..60,
        w2 in 1u16..160,
        h2 in 1u16..60,
        presses in prop::collection::vec(key_strategy(), 0..25),
    ) {
        let mut app = app(w, h);
        let _ = screen(&app);
        for k in presses {
            if k.code == KeyCode::Char('q') {
                continue;
            }
            app.handle_key(k);
            let _ = screen(&app);
        }
        update(&mut app, Action::Resize(w2, h2));
        let buf = render(&app);
        prop_assert_eq!(buf.area.width, w2);
        prop_assert_eq!(buf.area.height, h2);
    }
}
