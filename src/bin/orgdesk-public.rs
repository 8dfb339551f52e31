//! The public issuer page on its own: no router, no sign-in, so a visitor
//! from a badge e-mail downloads only what this one page needs.

fn main() {
    orgdesk::features::public::adopt::mount();
}
