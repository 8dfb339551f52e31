use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let config = match orgdesk_server::cli::parse(std::env::args().skip(1), std::env::var("ORGDESK_DB").ok()) {
        Ok(c) => c,
        // `--help` prints and exits 0; a bad flag prints why and exits 2.
        Err(e) => e.exit(),
    };
    orgdesk_server::app::init_tracing();
    match orgdesk_server::run(config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!("orgdesk-server: {e}");
            ExitCode::FAILURE
        }
    }
}
