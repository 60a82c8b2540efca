//! MMS addresses as RFC 5322 mailboxes and back, in the form MM4 gives them (3GPP TS 23.140:
//! a device address is the local part of a mailbox at the MMSC's domain).

use alloc::borrow::Cow;
use alloc::format;
use alloc::string::String;

use mail_builder::headers::address::Address as Mailbox;

use super::MailError;
use crate::mms::Address;
use crate::mms::address::ParsedAddress;

/// The `/TYPE=` marker of a device address (MMS_ENC section 8), matched in any case.
const TYPE_MARKER: &str = "/TYPE=";

/// The mailbox an MMS address is written as: an e-mail address as it is (with its display
/// name), anything else — phone number, IP address, other `/TYPE=`, short code — as the local
/// part of a mailbox at `domain`.
pub(super) fn mailbox(
    address: &Address<'_>,
    domain: &str,
    field: &'static str,
) -> Result<Mailbox<'static>, MailError> {
    let text = address.text();
    if text.chars().any(char::is_control) {
        return Err(MailError::Unrepresentable {
            field,
            reason: "an address with a control character",
        });
    }
    if let ParsedAddress::Email(_) = address.parsed() {
        return email_mailbox(&text, field);
    }
    if text.is_empty() {
        return Err(MailError::Unrepresentable {
            field,
            reason: "an empty address",
        });
    }
    Ok(Mailbox::new_address(
        None::<&str>,
        format!("{}@{domain}", local_part(&text)),
    ))
}

/// `a@b` or `Name <a@b>` (the name unquoted) as a mailbox.
fn email_mailbox(text: &str, field: &'static str) -> Result<Mailbox<'static>, MailError> {
    let (name, addr) = match (text.rfind('<'), text.strip_suffix('>')) {
        (Some(lt), Some(head)) => {
            let name = head.get(..lt).unwrap_or("").trim();
            let name = name
                .strip_prefix('"')
                .and_then(|n| n.strip_suffix('"'))
                .unwrap_or(name);
            let addr = head.get(lt + 1..).unwrap_or("").trim();
            (Some(name).filter(|n| !n.is_empty()), addr)
        }
        _ => (None, text.trim()),
    };
    // The builder writes the addr-spec between `<>` as it is.
    let plain = !addr.is_empty()
        && addr
            .chars()
            .all(|c| !c.is_whitespace() && !c.is_control() && c != '<' && c != '>');
    if !plain {
        return Err(MailError::Unrepresentable {
            field,
            reason: "not an e-mail address",
        });
    }
    Ok(Mailbox::new_address(
        name.map(String::from),
        String::from(addr),
    ))
}

/// RFC 5322 `atext`: what a dot-atom local part may hold besides `.`.
fn is_atext(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~".contains(c)
}

/// `text` as a local part: a dot-atom when it is one, else a quoted-string (an IPv6 address
/// has `:`, a display text spaces).
fn local_part(text: &str) -> Cow<'_, str> {
    let dot_atom = text.split('.').all(|atom| !atom.is_empty())
        && text.chars().all(|c| c == '.' || is_atext(c));
    if dot_atom {
        return Cow::Borrowed(text);
    }
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        if c == '"' || c == '\\' {
            quoted.push('\\');
        }
        quoted.push(c);
    }
    quoted.push('"');
    Cow::Owned(quoted)
}

/// A quoted-string local part without its quotes and escapes; anything else as it is.
fn unquote(local: &str) -> Cow<'_, str> {
    let Some(inner) = local.strip_prefix('"').and_then(|l| l.strip_suffix('"')) else {
        return Cow::Borrowed(local);
    };
    let mut out = String::with_capacity(inner.len());
    let mut escaped = false;
    for c in inner.chars() {
        if escaped || c != '\\' {
            out.push(c);
            escaped = false;
        } else {
            escaped = true;
        }
    }
    Cow::Owned(out)
}

/// The MMS address text of a mailbox (the reverse of [`mailbox`]): a local part with `/TYPE=`
/// (at any domain) or any local part at `domain` is the MMS address; any other mailbox is an
/// e-mail address, written `Name <a@b>` when it has a display name.
pub(super) fn mms_address(name: Option<&str>, address: &str, domain: &str) -> String {
    let address = address.trim();
    let Some(at) = address.rfind('@') else {
        // No domain: already an MMS address (a bare number, say).
        return String::from(address);
    };
    let (local, host) = (
        address.get(..at).unwrap_or(""),
        address.get(at + 1..).unwrap_or(""),
    );
    let local = unquote(local);
    let device = local
        .as_bytes()
        .windows(TYPE_MARKER.len())
        .any(|w| w.eq_ignore_ascii_case(TYPE_MARKER.as_bytes()));
    if device || host.eq_ignore_ascii_case(domain) {
        return local.into_owned();
    }
    match name.map(str::trim).filter(|n| !n.is_empty()) {
        Some(name) => format!("{name} <{address}>"),
        None => String::from(address),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    const DOMAIN: &str = "mms.example.net";

    fn written(text: &str) -> Result<(Option<String>, String), MailError> {
        let mailbox = mailbox(&Address::new(text.as_bytes()), DOMAIN, "To")?;
        let Mailbox::Address(a) = mailbox else {
            panic!("one mailbox")
        };
        Ok((a.name.map(|n| n.into_owned()), a.email.into_owned()))
    }

    #[test]
    fn device_addresses_are_local_parts_at_the_domain() {
        for (mms, mail) in [
            (
                "+15551234567/TYPE=PLMN",
                "+15551234567/TYPE=PLMN@mms.example.net",
            ),
            ("192.0.2.1/TYPE=IPv4", "192.0.2.1/TYPE=IPv4@mms.example.net"),
            ("x%2Fy/TYPE=X_400", "x%2Fy/TYPE=X_400@mms.example.net"),
            ("12345", "12345@mms.example.net"),
            (
                "2001:0db8:0000:0000:0000:0000:0000:0001/TYPE=IPv6",
                "\"2001:0db8:0000:0000:0000:0000:0000:0001/TYPE=IPv6\"@mms.example.net",
            ),
            ("Bob \"B\"", "\"Bob \\\"B\\\"\"@mms.example.net"),
        ] {
            assert_eq!(written(mms), Ok((None, String::from(mail))), "{mms}");
            assert_eq!(mms_address(None, mail, DOMAIN), mms, "{mail}");
        }
    }

    #[test]
    fn e_mail_addresses_keep_their_display_name() {
        assert_eq!(
            written("anna@example.org"),
            Ok((None, String::from("anna@example.org")))
        );
        assert_eq!(
            written("NowMMS <nowsms@now.co.uk>"),
            Ok((
                Some(String::from("NowMMS")),
                String::from("nowsms@now.co.uk")
            ))
        );
        assert_eq!(
            written("\"Anna B\" <anna@example.org>"),
            Ok((
                Some(String::from("Anna B")),
                String::from("anna@example.org")
            ))
        );
        assert_eq!(
            mms_address(Some("NowMMS"), "nowsms@now.co.uk", DOMAIN),
            "NowMMS <nowsms@now.co.uk>"
        );
        assert_eq!(
            mms_address(None, "anna@example.org", DOMAIN),
            "anna@example.org"
        );
    }

    #[test]
    fn a_device_address_reads_back_at_any_domain_a_short_code_only_at_ours() {
        assert_eq!(
            mms_address(Some("B"), "+4917/TYPE=PLMN@mms.other.example", DOMAIN),
            "+4917/TYPE=PLMN"
        );
        assert_eq!(mms_address(None, "12345@MMS.EXAMPLE.NET", DOMAIN), "12345");
        assert_eq!(
            mms_address(None, "12345@elsewhere.example", DOMAIN),
            "12345@elsewhere.example"
        );
        assert_eq!(
            mms_address(None, "+4917/TYPE=PLMN", DOMAIN),
            "+4917/TYPE=PLMN"
        );
    }

    #[test]
    fn what_would_add_a_header_is_refused() {
        let refused: Vec<_> = [
            "+1555\r\nBcc: x@y/TYPE=PLMN",
            "a@b\r\nBcc: c@d",
            "Name <a b@c>",
            "",
        ]
        .iter()
        .map(|t| written(t))
        .collect();
        for r in refused {
            assert!(
                matches!(r, Err(MailError::Unrepresentable { field: "To", .. })),
                "{r:?}"
            );
        }
    }
}
