use orgdesk_server::cli::{self, Invocation};
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let invocation = match cli::invocation(std::env::args().skip(1), std::env::var("ORGDESK_DB").ok()) {
        Ok(i) => i,
        // `--help` prints and exits 0; a bad flag prints why and exits 2.
        Err(e) => e.exit(),
    };
    orgdesk_server::app::init_tracing();
    match invocation {
        Invocation::Serve(config) => match orgdesk_server::run(config).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                tracing::error!("orgdesk-server: {e}");
                ExitCode::FAILURE
            }
        },
        // Only the token goes to stdout, so scripts can capture it.
        Invocation::IssueToken(request) => match orgdesk_server::issue_token::issue_token(&request).await {
            Ok(token) => {
                println!("{token}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("orgdesk-server issue-token: {e}");
                ExitCode::FAILURE
            }
        },
        Invocation::SeedBadges(request) => match orgdesk_server::seed_badges::seed_badges(&request).await {
            Ok(report) => {
                println!("{report}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("orgdesk-server seed-badges: {e}");
                ExitCode::FAILURE
            }
        },
    }
}
