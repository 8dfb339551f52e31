//! Who is on the other end of a sign-in: the client's IP and the server's
//! throttle, as one extractor.

use super::throttle::{Policy, Throttle};
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::HeaderMap;
use std::collections::HashSet;
use std::convert::Infallible;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::{Arc, OnceLock};

/// The failed sign-ins a server counts; the router adds one per server as an
/// extension (`Extension(Arc<Throttle>)`).
pub type SharedThrottle = Arc<Throttle>;

pub fn new_throttle() -> SharedThrottle {
    Arc::new(Throttle::new(Policy::default()))
}

/// The client's IP and the throttle that counts its failures.
pub struct Client {
    pub ip: IpAddr,
    pub throttle: SharedThrottle,
}

/// `ORGDESK_TRUSTED_PROXIES`: comma-separated IPs of reverse proxies whose
/// `X-Forwarded-For` is believed. Unset: nobody's is.
fn trusted_proxies() -> &'static HashSet<IpAddr> {
    static TRUSTED: OnceLock<HashSet<IpAddr>> = OnceLock::new();
    TRUSTED.get_or_init(|| {
        std::env::var("ORGDESK_TRUSTED_PROXIES")
            .unwrap_or_default()
            .split(',')
            .filter_map(|s| s.trim().parse().ok())
            .collect()
    })
}

/// Whether `ip` is one of `ORGDESK_TRUSTED_PROXIES`.
pub fn is_trusted_proxy(ip: std::net::IpAddr) -> bool {
    trusted_proxies().contains(&ip)
}

/// The socket peer, or, when the peer is a trusted proxy, the last address
/// in `X-Forwarded-For` that is not one of ours (the one our proxy saw).
pub fn client_ip(peer: IpAddr, headers: &HeaderMap, trusted: &HashSet<IpAddr>) -> IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    let hops: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    hops.into_iter().rev().find(|ip| !trusted.contains(ip)).unwrap_or(peer)
}

impl<S: Send + Sync> FromRequestParts<S> for Client {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Infallible> {
        // Served without connect info (some tests), every client is one.
        let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |c| c.0.ip());
        let ip = client_ip(peer, &parts.headers, trusted_proxies());
        let throttle = match parts.extensions.get::<SharedThrottle>() {
            Some(t) => t.clone(),
            None => {
                static FALLBACK: OnceLock<SharedThrottle> = OnceLock::new();
                FALLBACK.get_or_init(new_throttle).clone()
            }
        };
        Ok(Client { ip, throttle })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forwarded_for_counts_only_from_a_trusted_proxy() {
        let proxy: IpAddr = "10.0.0.1".parse().unwrap();
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-for", "6.6.6.6, 203.0.113.7".parse().unwrap());
        assert_eq!(client_ip(proxy, &h, &HashSet::new()), proxy);
        let trusted = HashSet::from([proxy]);
        assert_eq!(client_ip(proxy, &h, &trusted), "203.0.113.7".parse::<IpAddr>().unwrap());
        assert_eq!(client_ip("198.51.100.1".parse().unwrap(), &h, &trusted), "198.51.100.1".parse::<IpAddr>().unwrap());
    }
}
