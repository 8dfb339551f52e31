use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let config = match orgdesk_server::cli::parse(std::env::args().skip(1), std::env::var("ORGDESK_DB").ok()) {
        Ok(c) => c,
        Err(message) => {
            eprintln!("{message}\n\n{}", orgdesk_server::cli::USAGE);
            return ExitCode::from(2);
        }
    };
    match orgdesk_server::run(config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("orgdesk-server: {e}");
            ExitCode::FAILURE
        }
    }
}
