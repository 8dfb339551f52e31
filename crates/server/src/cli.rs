//! The command line. Scripts rely on it: keep the flags stable.

use crate::state::{ApiMode, Config, Limits, Seed, Upstreams};
use clap::{Parser, Subcommand, ValueEnum};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

const AFTER_HELP: &str = "\
Without a command the server runs. `--api vendor` serves only what the two
platforms document, with their servers' quirks (no sign-in or sign-out on
Open Badge, no logo removal, no public profile API, no 412, a different
statistics body, counts as strings; no token refresh or revoke on
BlendVision, int64 fields as strings, business_setting replaced whole).

issue-token: prints a new API token (a bearer token, as the platforms'
consoles issue them) for the account with that e-mail; safe while a server
runs on the same database:
  orgdesk-server issue-token --db data/orgdesk.db --platform blendvision --email owner@lumen.example.com --days 30

seed-badges: issues N made-up badges for an Open Badge organization in one
transaction (a million take seconds), to try the counts and statistics at
scale; safe while a server runs on the same database:
  orgdesk-server seed-badges --db data/orgdesk.db --organization 3f6c2a1e-8d4b-4c1a-9e77-2b5d0c9a4f10 --count 1000000

env: ORGDESK_DB              default for --db
     ORGDESK_TOKEN_TTL_SECS  signed-in bearer token lifetime in seconds (default 43200)
     RUST_LOG                log filter (default info)";

/// orgdesk-server: the reference server for orgdesk.
#[derive(Parser, Debug)]
#[command(name = "orgdesk-server", about = "orgdesk-server: the reference server for orgdesk", after_help = AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
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
    /// reference: the documented APIs and orgdesk's extensions; vendor: only
    /// what the platforms document, answered as their servers do.
    #[arg(long, value_enum, default_value = "reference")]
    api: ApiMode,
    /// Run as the stateless web front (no database), proxying /api and /media to this Open Badge API base URL.
    #[arg(long, value_name = "URL", conflicts_with_all = ["db", "seed"])]
    upstream_openbadge: Option<String>,
    /// Run as the stateless web front (no database), proxying /bv to this BlendVision One API base URL.
    #[arg(long, value_name = "URL", conflicts_with_all = ["db", "seed"])]
    upstream_blendvision: Option<String>,
    /// The origin public addresses are written with (`public_url`, `og:url`,
    /// JSON-LD ids), whatever Host or X-Forwarded-* say [env: ORGDESK_PUBLIC_URL]
    #[arg(long, value_name = "URL")]
    public_url: Option<String>,
    /// Open connections at most; beyond them a new connection is closed at once
    /// (lowered to fit under the open-file limit, which the server raises to its hard limit).
    #[arg(long, value_name = "N", default_value_t = 16_384, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    max_connections: u32,
    /// Seconds a client has to send a request's header; then the connection is closed.
    #[arg(long, value_name = "SECS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=3600))]
    header_timeout: u64,
    /// Seconds a request may take, its body included, before the answer
    /// starts; then 408.
    #[arg(long, value_name = "SECS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
    body_timeout: u64,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print a new API token for an account, then exit.
    IssueToken {
        /// SQLite database file [default: $ORGDESK_DB or data/orgdesk.db]
        #[arg(long, value_name = "PATH")]
        db: Option<PathBuf>,
        /// Whose account: the Open Badge or the BlendVision one.
        #[arg(long, value_enum)]
        platform: Platform,
        /// The account's e-mail.
        #[arg(long)]
        email: String,
        /// How many days the token lives.
        #[arg(long, default_value_t = 365, value_parser = clap::value_parser!(i64).range(1..=3650))]
        days: i64,
    },
    /// Issue made-up badges for an Open Badge organization, then exit.
    SeedBadges {
        /// SQLite database file [default: $ORGDESK_DB or data/orgdesk.db]
        #[arg(long, value_name = "PATH")]
        db: Option<PathBuf>,
        /// The organization's id.
        #[arg(long, value_name = "ID")]
        organization: String,
        /// How many badges.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(i64).range(1..=100_000_000))]
        count: i64,
    },
}

/// `seed-badges`'s request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeedRequest {
    pub db: PathBuf,
    pub organization: String,
    pub count: i64,
}

/// The platform an API token is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Platform {
    Openbadge,
    Blendvision,
}

/// `issue-token`'s request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenRequest {
    pub db: PathBuf,
    pub platform: Platform,
    pub email: String,
    pub days: i64,
}

/// What the command line asks for.
#[derive(Debug)]
pub enum Invocation {
    Serve(Config),
    IssueToken(TokenRequest),
    SeedBadges(SeedRequest),
}

/// Reads the flags after the program name; `env_db` is `$ORGDESK_DB` (an
/// empty value counts as unset). A `--help` comes back as an error whose
/// `exit()` prints the usage and exits 0.
pub fn invocation(args: impl IntoIterator<Item = String>, env_db: Option<String>) -> Result<Invocation, clap::Error> {
    let cli = Cli::try_parse_from(std::iter::once("orgdesk-server".to_string()).chain(args))?;
    let db_or_default = |db: Option<PathBuf>| db.or_else(|| env_db.clone().filter(|s| !s.is_empty()).map(PathBuf::from)).unwrap_or_else(|| PathBuf::from("data/orgdesk.db"));
    match cli.command {
        Some(Command::IssueToken { db, platform, email, days }) => {
            return Ok(Invocation::IssueToken(TokenRequest { db: db_or_default(db.or(cli.db)), platform, email, days }));
        }
        Some(Command::SeedBadges { db, organization, count }) => {
            return Ok(Invocation::SeedBadges(SeedRequest { db: db_or_default(db.or(cli.db)), organization, count }));
        }
        None => {}
    }
    Ok(Invocation::Serve(Config {
        bind: cli.bind,
        db: db_or_default(cli.db),
        seed: cli.seed,
        dist: cli.dist,
        token_ttl_secs: std::env::var("ORGDESK_TOKEN_TTL_SECS").ok().and_then(|v| v.parse().ok()).unwrap_or(12 * 3600),
        api: cli.api,
        upstreams: Upstreams { openbadge: cli.upstream_openbadge, blendvision: cli.upstream_blendvision },
        public_url: cli
            .public_url
            .or_else(|| std::env::var("ORGDESK_PUBLIC_URL").ok())
            .filter(|u| !u.trim().is_empty())
            .map(|u| crate::origin::PublicUrl::parse(&u))
            .transpose()
            .map_err(|e| clap::Error::raw(clap::error::ErrorKind::ValueValidation, format!("{e}\n")))?,
        limits: Limits {
            max_connections: cli.max_connections as usize,
            header_timeout: Duration::from_secs(cli.header_timeout),
            body_timeout: Duration::from_secs(cli.body_timeout),
        },
    }))
}

/// The server's configuration; a command is refused here (use [`invocation`]).
pub fn parse(args: impl IntoIterator<Item = String>, env_db: Option<String>) -> Result<Config, clap::Error> {
    match invocation(args, env_db)? {
        Invocation::Serve(config) => Ok(config),
        Invocation::IssueToken(_) => Err(clap::Error::raw(clap::error::ErrorKind::UnknownArgument, "issue-token is a command, not a server flag\n")),
        Invocation::SeedBadges(_) => Err(clap::Error::raw(clap::error::ErrorKind::UnknownArgument, "seed-badges is a command, not a server flag\n")),
    }
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
        assert_eq!(c.api, ApiMode::Reference);
    }

    #[test]
    fn flags_and_env_are_read() {
        let c = parse(args(&["--bind", "127.0.0.1:0", "--seed=demo", "--dist", "x", "--api", "vendor"]), Some("/tmp/a.db".into())).unwrap();
        assert_eq!(c.bind.port(), 0);
        assert_eq!(c.seed, Seed::Demo);
        assert_eq!(c.db, PathBuf::from("/tmp/a.db"));
        assert_eq!(c.api, ApiMode::Vendor);
        let c = parse(args(&["--db", "b.db"]), Some("/tmp/a.db".into())).unwrap();
        assert_eq!(c.db, PathBuf::from("b.db"), "--db wins over ORGDESK_DB");
    }

    #[test]
    fn issue_token_reads_its_own_flags_and_the_env_default() {
        let Ok(Invocation::IssueToken(t)) = invocation(args(&["issue-token", "--platform", "blendvision", "--email", "a@b.example"]), Some("/tmp/a.db".into())) else { panic!() };
        assert_eq!(t, TokenRequest { db: "/tmp/a.db".into(), platform: Platform::Blendvision, email: "a@b.example".into(), days: 365 });
        let Ok(Invocation::IssueToken(t)) = invocation(args(&["issue-token", "--db", "c.db", "--platform", "openbadge", "--email", "x@y.example", "--days", "7"]), None) else { panic!() };
        assert_eq!((t.db, t.platform, t.days), (PathBuf::from("c.db"), Platform::Openbadge, 7));
        assert!(invocation(args(&["issue-token", "--email", "a@b.example"]), None).is_err(), "--platform is required");
        assert!(invocation(args(&["issue-token", "--platform", "openbadge", "--email", "a@b.example", "--days", "0"]), None).is_err());
    }

    #[test]
    fn seed_badges_reads_its_own_flags() {
        let Ok(Invocation::SeedBadges(r)) = invocation(args(&["seed-badges", "--organization", "org-1", "--count", "1000000"]), Some("/tmp/a.db".into())) else { panic!() };
        assert_eq!(r, SeedRequest { db: "/tmp/a.db".into(), organization: "org-1".into(), count: 1_000_000 });
        let Ok(Invocation::SeedBadges(r)) = invocation(args(&["seed-badges", "--db", "c.db", "--organization", "o", "--count", "3"]), None) else { panic!() };
        assert_eq!(r.db, PathBuf::from("c.db"));
        assert!(invocation(args(&["seed-badges", "--organization", "o"]), None).is_err(), "--count is required");
        assert!(invocation(args(&["seed-badges", "--organization", "o", "--count", "0"]), None).is_err());
        assert!(parse(args(&["seed-badges", "--organization", "o", "--count", "1"]), None).is_err(), "a command, not a server");
    }

    #[test]
    fn help_is_not_a_failure() {
        let e = parse(args(&["--help"]), None).unwrap_err();
        assert_eq!(e.kind(), clap::error::ErrorKind::DisplayHelp);
        assert_eq!(e.exit_code(), 0);
        let help = e.to_string();
        assert!(help.contains("--seed") && help.contains("--api") && help.contains("issue-token") && help.contains("seed-badges"), "{help}");
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
    fn limits_default_and_are_read() {
        assert_eq!(parse(args(&[]), None).unwrap().limits, Limits::default());
        let c = parse(args(&["--max-connections", "200", "--header-timeout", "5", "--body-timeout=60"]), None).unwrap();
        assert_eq!(c.limits, Limits { max_connections: 200, header_timeout: Duration::from_secs(5), body_timeout: Duration::from_secs(60) });
        assert!(parse(args(&["--max-connections", "0"]), None).is_err());
        assert!(parse(args(&["--header-timeout", "0"]), None).is_err());
    }

    #[test]
    fn bad_flags_are_refused() {
        assert!(parse(args(&["--seed", "all"]), None).is_err());
        assert!(parse(args(&["--bind"]), None).is_err());
        assert!(parse(args(&["--port", "1"]), None).is_err());
        assert!(parse(args(&["--api", "laravel"]), None).is_err());
        assert!(parse(args(&["--public-url", "https://badges.example.org/path"]), None).is_err());
        assert!(parse(args(&["--public-url", "ftp://badges.example.org"]), None).is_err());
        assert!(parse(args(&["--public-url", "https://badges.example.org/"]), None).is_ok());
    }
}
