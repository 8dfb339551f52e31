//! The command line. Scripts rely on it: keep it stable.

use crate::{Config, Seed};
use std::path::PathBuf;

pub const USAGE: &str = "usage: orgdesk-server [--bind ADDR:PORT] [--db PATH] [--seed demo|none] [--dist DIR]
  --bind   address to listen on (default 127.0.0.1:8080; port 0 picks a free one)
  --db     SQLite database file, created on first start (default $ORGDESK_DB or data/orgdesk.db)
  --seed   demo: load the demo organizations and accounts (default none)
  --dist   the built app to serve (default dist)
env: ORGDESK_TOKEN_TTL_SECS  bearer token lifetime in seconds (default 43200)";

pub fn parse(args: impl IntoIterator<Item = String>, env_db: Option<String>) -> Result<Config, String> {
    let mut config = Config {
        bind: "127.0.0.1:8080".parse().expect("valid default address"),
        db: PathBuf::from(env_db.filter(|s| !s.is_empty()).unwrap_or_else(|| "data/orgdesk.db".to_string())),
        seed: Seed::None,
        dist: PathBuf::from("dist"),
        token_ttl_secs: std::env::var("ORGDESK_TOKEN_TTL_SECS").ok().and_then(|v| v.parse().ok()).unwrap_or(12 * 3600),
    };
    let mut args = args.into_iter();
    while let Some(flag) = args.next() {
        let (name, inline) = match flag.split_once('=') {
            Some((n, v)) => (n.to_string(), Some(v.to_string())),
            None => (flag.clone(), None),
        };
        if name == "--help" || name == "-h" {
            return Err("orgdesk-server: the reference server for orgdesk".to_string());
        }
        let mut value = || inline.clone().or_else(|| args.next()).ok_or_else(|| format!("{name} needs a value"));
        match name.as_str() {
            "--bind" => config.bind = value()?.parse().map_err(|_| format!("--bind: not an ADDR:PORT: {flag}"))?,
            "--db" => config.db = PathBuf::from(value()?),
            "--dist" => config.dist = PathBuf::from(value()?),
            "--seed" => {
                config.seed = match value()?.as_str() {
                    "demo" => Seed::Demo,
                    "none" => Seed::None,
                    other => return Err(format!("--seed: expected demo or none, got {other}")),
                }
            }
            other => return Err(format!("unknown option {other}")),
        }
    }
    Ok(config)
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
    fn bad_flags_are_refused() {
        assert!(parse(args(&["--seed", "all"]), None).is_err());
        assert!(parse(args(&["--bind"]), None).is_err());
        assert!(parse(args(&["--port", "1"]), None).is_err());
    }
}
