//! One reference server process per scenario, on a free loopback port, with
//! a throwaway directory: started, watched (RSS) and stopped or killed.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Server {
    pub base: String,
    pub dir: PathBuf,
    child: Child,
    bin: PathBuf,
    dist: PathBuf,
}

impl Server {
    /// A demo-seeded server in a new directory.
    pub fn start(bin: &Path, dist: &Path, name: &str) -> Server {
        let dir = std::env::temp_dir().join(format!("orgdesk-reliability-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch directory");
        let (child, base) = spawn(bin, dist, &dir);
        Server { base, dir, child, bin: bin.to_path_buf(), dist: dist.to_path_buf() }
    }

    pub fn db(&self) -> PathBuf {
        self.dir.join("reliability.db")
    }

    /// The process's resident set now and at its peak, in MiB.
    pub fn rss_mib(&self) -> (u64, u64) {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap_or_default();
        let kib = |key: &str| status.lines().find(|l| l.starts_with(key)).and_then(|l| l.split_whitespace().nth(1)).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
        (kib("VmRSS:") / 1024, kib("VmHWM:") / 1024)
    }

    /// kill -9, then the same server again on the same database.
    pub fn kill_and_restart(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let (child, base) = spawn(&self.bin, &self.dist, &self.dir);
        self.child = child;
        self.base = base;
    }

    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn spawn(bin: &Path, dist: &Path, dir: &Path) -> (Child, String) {
    let out = dir.join(format!("out-{}", Instant::now().elapsed().as_nanos()));
    let log = std::fs::File::create(&out).expect("log file");
    let child = Command::new(bin)
        .args(["--bind", "127.0.0.1:0", "--seed", "demo", "--db"])
        .arg(dir.join("reliability.db"))
        .arg("--dist")
        .arg(dist)
        .env("RUST_LOG", "warn")
        .stdout(log)
        .stderr(Stdio::null())
        .spawn()
        .expect("start orgdesk-server");
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(30) {
        let text = std::fs::read_to_string(&out).unwrap_or_default();
        if let Some(line) = text.lines().find(|l| l.starts_with("listening on ")) {
            return (child, line.trim_start_matches("listening on ").trim().to_string());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("orgdesk-server did not start within 30 s");
}
