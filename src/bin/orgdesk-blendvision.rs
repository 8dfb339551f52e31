//! The BlendVision One console (`/blendvision`): its pages and sign-in only.

fn main() {
    orgdesk::app::mount_blendvision();
}
