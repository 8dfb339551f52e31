//! The Open Badge console (`/openbadge`): its pages and sign-in only.

fn main() {
    orgdesk::app::mount_openbadge();
}
