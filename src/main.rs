fn main() {
    orgdesk::mount();
}
