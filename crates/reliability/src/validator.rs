//! Two saves in the same second with the same validator: the second gets 412.

use crate::server::Server;
use crate::{ob_token, Report, Setup, VALMARINA_ADMIN};

pub async fn run(setup: &Setup, report: &mut Report) {
    let server = Server::start(&setup.bin, &setup.dist, "validator");
    let token = ob_token(&server.base, VALMARINA_ADMIN).await;
    let client = reqwest::Client::new();
    let url = format!("{}/api/v1/issuers/organization", server.base);
    let res = client.get(&url).bearer_auth(&token).header("accept", "application/json").send().await.expect("organization");
    let etag = res.headers().get("etag").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    report.figure("ETag", &etag);
    report.check(!etag.is_empty(), "the organization comes with an ETag");
    let save = |city: &'static str| {
        client.put(&url).bearer_auth(&token).header("accept", "application/json").header("if-match", etag.clone()).form(&[("address_info[city]", city)]).send()
    };
    let (first, second) = tokio::join!(save("Prima"), save("Seconda"));
    let mut statuses = [first.map(|r| r.status().as_u16()).unwrap_or(0), second.map(|r| r.status().as_u16()).unwrap_or(0)];
    statuses.sort();
    report.figure("two saves with the same If-Match, at once", format!("{statuses:?}"));
    report.check(statuses == [200, 412], "one is saved, the other gets 412");
}
