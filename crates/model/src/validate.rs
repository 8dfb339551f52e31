//! Validation rules, run on every keystroke in the browser and again on the
//! server. Each rule returns a [`Problem`] the UI turns into words in the
//! viewer's language; the server sends its English text.

use std::fmt;

/// What is wrong with one value. The app translates these; `Display` is the
/// English text the server puts into its error bodies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    Required,
    EmailFormat,
    TooLong(usize),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Required => f.write_str("This field is required."),
            Problem::EmailFormat => f.write_str("Enter an e-mail address in the format name@example.com."),
            Problem::TooLong(n) => write!(f, "Use at most {n} characters."),
        }
    }
}

/// A plausible e-mail address: one `@`, a non-empty local part, a domain with
/// a dot and no empty labels, no spaces. Deliberately not RFC 5322 in full.
pub fn email(value: &str) -> Result<(), Problem> {
    let v = value.trim();
    if v.is_empty() {
        return Err(Problem::Required);
    }
    if v.len() > 254 || v.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(Problem::EmailFormat);
    }
    let Some((local, domain)) = v.split_once('@') else {
        return Err(Problem::EmailFormat);
    };
    if local.is_empty() || local.len() > 64 || domain.contains('@') {
        return Err(Problem::EmailFormat);
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2
        || labels.iter().any(|l| l.is_empty() || l.starts_with('-') || l.ends_with('-'))
        || !labels.iter().all(|l| l.chars().all(|c| c.is_alphanumeric() || c == '-'))
    {
        return Err(Problem::EmailFormat);
    }
    Ok(())
}

/// A non-empty value after trimming.
pub fn required(value: &str) -> Result<(), Problem> {
    if value.trim().is_empty() {
        Err(Problem::Required)
    } else {
        Ok(())
    }
}

/// Sign-in password: required, and bounded so nobody posts megabytes.
pub fn password(value: &str) -> Result<(), Problem> {
    if value.is_empty() {
        return Err(Problem::Required);
    }
    if value.chars().count() > 256 {
        return Err(Problem::TooLong(256));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_addresses_are_accepted() {
        for ok in ["admin@valmarina.example.org", "a.b+c@x-y.example.net", " owner@lumen.example.com "] {
            assert_eq!(email(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn malformed_addresses_are_rejected_with_a_format_problem() {
        for bad in ["admin", "admin@", "@example.org", "a@b", "a b@example.org", "a@@example.org", "a@-x.org", "a@x..org"] {
            assert_eq!(email(bad), Err(Problem::EmailFormat), "{bad}");
        }
        assert_eq!(email("  "), Err(Problem::Required));
    }

    #[test]
    fn empty_password_is_required_and_huge_one_too_long() {
        assert_eq!(password(""), Err(Problem::Required));
        assert_eq!(password(&"x".repeat(300)), Err(Problem::TooLong(256)));
        assert_eq!(password("orgdesk-demo"), Ok(()));
    }
}
