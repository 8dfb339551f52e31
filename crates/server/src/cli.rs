//! The command line. Scripts rely on it: keep the flags stable.

use crate::state::{Config, Seed, Upstreams};
use clap::Parser;
use std::net::SocketAddr;
use std::path::PathBuf;

/// orgdesk-server: the reference server for orgdesk.
#[derive(Parser, Debug)]
#[command(
    name = "orgdesk-server",
    about = "orgdesk-server: the reference server for orgdesk",
    after_help = "env: ORGDESK_DB              default for --db\n     ORGDESK_TOKEN_TTL_SECS  bearer token lifetime in seconds (default 43200)\n     RUST_LOG                log filter (default info)"
)]
struct Cli {
    /// Address to listen on; port 0 picks a free one.
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:8080")]
    bind: SocketAddr,
    /// SQLite database file, created on first start [default: $ORGDESK_DB or data/orgdesk.db]
    #[arg(long, value_name = "PATH")]
    db: Option<PathBuf>,
    /// demo: load the demo organizations and accounts.
    #[arg(long, value_enum, default_value = "none")]
    seed: Seed,
    /// The built app to serve.
    #[arg(long, value_name = "DIR", default_value = "dist")]
    dist: PathBuf,
    /// Run as the stateless web front (no database), proxying /api and /media to this Open Badge API base URL.
    #[arg(long, value_name = "URL", conflicts_with_all = ["db", "seed"])]
    upstream_openbadge: Option<String>,
    /// Run as the stateless web front (no database), proxying /bv to this BlendVision One API base URL.
    #[arg(long, value_name = "URL", conflicts_with_all = ["db", "seed"])]
    upstream_blendvision: Option<String>,
}

/// Reads the flags after the program name; `env_db` is `$ORGDESK_DB` (an
/// empty value counts as unset). A `--help` comes back as an error whose
/// `exit()` prints the usage and exits 0.
pub fn parse(args: impl IntoIterator<Item = String>, env_db: Option<String>) -> Result<Config, clap::Error> {
    let cli = Cli::try_parse_from(std::iter::once("orgdesk-server".to_string()).chain(args))?;
    let db = cli.db.or_else(|| env_db.filter(|s| !s.is_empty()).map(PathBuf::from)).unwrap_or_else(|| PathBuf::from("data/orgdesk.db"));
    Ok(Config {
        bind: cli.bind,
        db,
        seed: cli.seed,
        dist: cli.dist,
        token_ttl_secs: std::env::var("ORGDESK_TOKEN_TTL_SECS").ok().and_then(|v| v.parse().ok()).unwrap_or(12 * 3600),
        upstreams: Upstreams { openbadge: cli.upstream_openbadge, blendvision: cli.upstream_blendvision },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn defaults_match_the_documented_command_line() {
        let c = parse(args(&[]), None).unwrap();
        assert_eq!(c.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(c.db, PathBuf::from("data/orgdesk.db"));
        assert_eq!(c.seed, Seed::None);
        assert_eq!(c.dist, PathBuf::from("dist"));
    }

    #[test]
    fn flags_and_env_are_read() {
        let c = parse(args(&["--bind", "127.0.0.1:0", "--seed=demo", "--dist", "x"]), Some("/tmp/a.db".into())).unwrap();
        assert_eq!(c.bind.port(), 0);
        assert_eq!(c.seed, Seed::Demo);
        assert_eq!(c.db, PathBuf::from("/tmp/a.db"));
        let c = parse(args(&["--db", "b.db"]), Some("/tmp/a.db".into())).unwrap();
        assert_eq!(c.db, PathBuf::from("b.db"), "--db wins over ORGDESK_DB");
    }

    #[test]
    fn help_is_not_a_failure() {
        let e = parse(args(&["--help"]), None).unwrap_err();
        assert_eq!(e.kind(), clap::error::ErrorKind::DisplayHelp);
        assert_eq!(e.exit_code(), 0);
        assert!(e.to_string().contains("--seed"));
    }

    #[test]
    fn upstream_flags_select_the_web_front() {
        assert!(!parse(args(&[]), None).unwrap().upstreams.any());
        let c = parse(args(&["--upstream-openbadge", "http://ob:8080", "--upstream-blendvision=http://bv"]), None).unwrap();
        assert_eq!(c.upstreams.openbadge.as_deref(), Some("http://ob:8080"));
        assert_eq!(c.upstreams.blendvision.as_deref(), Some("http://bv"));
        assert!(parse(args(&["--upstream-blendvision", "http://bv"]), None).unwrap().upstreams.any(), "either alone");
        assert!(parse(args(&["--upstream-openbadge", "http://ob", "--seed", "demo"]), None).is_err(), "the front has no database");
        assert!(parse(args(&["--help"]), None).unwrap_err().to_string().contains("--upstream-openbadge"));
    }

    #[test]
    fn bad_flags_are_refused() {
        assert!(parse(args(&["--seed", "all"]), None).is_err());
        assert!(parse(args(&["--bind"]), None).is_err());
        assert!(parse(args(&["--port", "1"]), None).is_err());
    }
}
