//! Editing a decoded PDU, as a relay does: [`Pdu::edit`] and [`PduEditor`].
//!
//! An MMSC or proxy that passes a PDU on changes a few headers (the recipients, an added
//! header) and must leave the rest exactly as it came: unknown fields, raw values and
//! non-canonical forms included (a relay that normalises what it does not understand breaks
//! the sender's intent). So the editor keeps each untouched header as its original octets and
//! writes those back; only headers that were set or added are encoded from their values.
//! Content-Type stays last, with the body after it (OMA-TS-MMS_ENC-V1_3 §7: the body follows
//! Content-Type, the last header).
//!
//! What the editor writes, the decoder reads without a new diagnostic, or the editor refuses
//! it: [`PduEditor::finish`] and [`PduEditor::build`] decode their own output and refuse it
//! (with [`EncodeError::Unencodable`] naming the field) when it shows a deviation the source
//! PDU did not have, such as a Transaction-ID moved away from its place after Message-Type.
//! Notes ([`DiagnosticKind::is_note`](crate::DiagnosticKind::is_note): an application header,
//! an unknown field) are not deviations; deviations the source already had are passed on.

use alloc::vec::Vec;

use crate::assigned::{FieldCode, MessageType};
use crate::base::diag::Diagnostic;
use crate::base::error::EncodeError;
use crate::codec::{Encode, TextString, Token, Writer};
use crate::mms::header::MmsHeader;
use crate::mms::pdu::Pdu;
use crate::mms::presence::canonical_position;
use crate::mms::values::{Address, ContentTypeValue};

/// A header being edited: its value, and its octets as decoded while it is untouched.
#[derive(Debug, Clone)]
struct Entry<'a> {
    header: MmsHeader<'a>,
    raw: Option<&'a [u8]>,
}

impl<'a> Entry<'a> {
    fn new(header: MmsHeader<'a>) -> Self {
        Entry { header, raw: None }
    }

    fn field(&self) -> Option<FieldCode> {
        self.header.field()
    }
}

/// A decoded (or built) PDU under edit; see the [module docs](self).
///
/// ```
/// use mms_pdu::prelude::*;
/// use mms_pdu::assigned::FieldCode;
///
/// // A relay re-addresses an m-send-req and records where it passed.
/// let wire = b"\x8C\x80\x98T1\0\x8D\x93\x89\x01\x81\x97+15550001/TYPE=PLMN\0\x84\x83hi";
/// let pdu = Pdu::decode(wire)?;
/// let mut edit = pdu.edit();
/// edit.set_recipients(FieldCode::TO, [Address::new(b"+15550002/TYPE=PLMN")])?
///     .add_application_header("X-Relayed-By", "mmsc.example")?;
/// let out = edit.finish()?;
/// let relayed = Pdu::decode(&out)?;
/// assert_eq!(relayed.to().next().unwrap().as_bytes(), b"+15550002/TYPE=PLMN");
/// assert_eq!(relayed.body(), Some(&b"hi"[..]));
/// assert!(out.starts_with(&wire[..11])); // untouched headers as they came
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct PduEditor<'a> {
    message_type: Option<MessageType>,
    /// Every header but Content-Type, in order.
    headers: Vec<Entry<'a>>,
    content_type: Option<Entry<'a>>,
    body: Option<&'a [u8]>,
    /// The source PDU's diagnostics: deviations it had are passed on, not refused.
    source: Vec<Diagnostic>,
}

impl<'a> Pdu<'a> {
    /// An editor over this PDU's headers and body (see [`PduEditor`]). Octets after the last
    /// header of a body-less PDU ([`Pdu::trailing`]) are not headers and are not written.
    pub fn edit(&self) -> PduEditor<'a> {
        let mut raw = self.header_octets();
        let mut headers = Vec::with_capacity(self.headers().len());
        let mut content_type = None;
        for header in self.headers() {
            let raw = raw.as_mut().and_then(Iterator::next);
            let entry = Entry { header, raw };
            match entry.field() {
                Some(FieldCode::CONTENT_TYPE) if content_type.is_none() => {
                    content_type = Some(entry);
                }
                _ => headers.push(entry),
            }
        }
        PduEditor {
            message_type: self.message_type(),
            headers,
            content_type,
            body: self.body(),
            source: self.diagnostics().to_vec(),
        }
    }
}

/// The one refusal of a recipient setter given another field.
const NOT_A_RECIPIENT: EncodeError = EncodeError::Unencodable {
    field: "recipient",
    reason: "recipients are To, Cc or Bcc",
};

impl<'a> PduEditor<'a> {
    /// The headers in the order they will be written, Content-Type last.
    pub fn headers(&self) -> impl Iterator<Item = &MmsHeader<'a>> + '_ {
        self.headers
            .iter()
            .chain(&self.content_type)
            .map(|e| &e.header)
    }

    /// How many headers, Content-Type included.
    pub fn len(&self) -> usize {
        self.headers.len() + usize::from(self.content_type.is_some())
    }

    /// Whether there are no headers at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Where a new `field` goes: before the first header that comes after it in the canonical
    /// order of the PDU's type (application and unknown headers count as after every listed
    /// field), else at the end (Content-Type stays after everything).
    fn canonical_slot(&self, field: Option<FieldCode>) -> usize {
        let rank = |f: Option<FieldCode>| {
            let listed = self
                .message_type
                .zip(f)
                .and_then(|(t, f)| canonical_position(t, f));
            listed.unwrap_or(usize::MAX)
        };
        let new = rank(field);
        self.headers
            .iter()
            .skip(1) // Message-Type stays first.
            .position(|e| rank(e.field()) > new)
            .map_or(self.headers.len(), |i| i + 1)
    }

    /// Sets a header: replaces the first header with its field code (where it stands) and
    /// removes any later ones; adds it at its canonical place when there is none. A
    /// Content-Type replaces the Content-Type (the body stays); an application header
    /// replaces the one with the same name (ASCII case-insensitive) or is added before
    /// Content-Type.
    pub fn set(&mut self, header: MmsHeader<'a>) -> &mut Self {
        let field = header.field();
        if field == Some(FieldCode::CONTENT_TYPE) {
            self.content_type = Some(Entry::new(header));
            return self;
        }
        let same = |e: &Entry<'_>| match (&e.header, &header) {
            (MmsHeader::Application { name: a, .. }, MmsHeader::Application { name: b, .. }) => {
                a.bytes.eq_ignore_ascii_case(b.bytes)
            }
            (MmsHeader::Application { .. }, _) | (_, MmsHeader::Application { .. }) => false,
            _ => field.is_some() && e.field() == field,
        };
        match self.headers.iter().position(same) {
            Some(first) => {
                let mut i = 0;
                self.headers.retain(|e| {
                    i += 1;
                    i - 1 <= first || !same(e)
                });
                if let Some(slot) = self.headers.get_mut(first) {
                    *slot = Entry::new(header);
                }
            }
            None => {
                let at = match header {
                    MmsHeader::Application { .. } => self.headers.len(),
                    _ => self.canonical_slot(field),
                };
                self.headers.insert(at, Entry::new(header));
            }
        }
        self
    }

    /// Removes every header with field code `field` (removing Content-Type removes the body).
    pub fn remove(&mut self, field: FieldCode) -> &mut Self {
        if field == FieldCode::CONTENT_TYPE {
            self.content_type = None;
            self.body = None;
        }
        self.headers.retain(|e| e.field() != Some(field));
        self
    }

    /// Removes the application headers named `name` (ASCII case-insensitive).
    pub fn remove_application(&mut self, name: &[u8]) -> &mut Self {
        self.headers.retain(|e| {
            !matches!(&e.header, MmsHeader::Application { name: n, .. }
                if n.bytes.eq_ignore_ascii_case(name))
        });
        self
    }

    /// Keeps only the headers (Content-Type aside) for which `keep` says `true`.
    pub fn retain(&mut self, mut keep: impl FnMut(&MmsHeader<'a>) -> bool) -> &mut Self {
        self.headers.retain(|e| keep(&e.header));
        self
    }

    /// Inserts a header at `index` among the headers before Content-Type (at the end when
    /// `index` is past them). A Content-Type is [set](PduEditor::set) instead: it stays last.
    pub fn insert(&mut self, index: usize, header: MmsHeader<'a>) -> &mut Self {
        if header.field() == Some(FieldCode::CONTENT_TYPE) {
            return self.set(header);
        }
        let at = index.min(self.headers.len());
        self.headers.insert(at, Entry::new(header));
        self
    }

    /// Moves the header at `from` to `to` (both among the headers before Content-Type; an
    /// index past them is the end). The header keeps its octets.
    pub fn move_header(&mut self, from: usize, to: usize) -> &mut Self {
        if from < self.headers.len() {
            let entry = self.headers.remove(from);
            let at = to.min(self.headers.len());
            self.headers.insert(at, entry);
        }
        self
    }

    /// Replaces the recipients of one kind (`field` is To, Cc or Bcc) with `addresses`, in
    /// order, where the first old one stood (at the canonical place when there was none).
    ///
    /// # Errors
    /// `Unencodable` when `field` is not To, Cc or Bcc.
    pub fn set_recipients(
        &mut self,
        field: FieldCode,
        addresses: impl IntoIterator<Item = Address<'a>>,
    ) -> Result<&mut Self, EncodeError> {
        let wrap = recipient(field)?;
        let first = self.headers.iter().position(|e| e.field() == Some(field));
        self.headers.retain(|e| e.field() != Some(field));
        let at = first.unwrap_or_else(|| self.canonical_slot(Some(field)));
        let new: Vec<_> = addresses.into_iter().map(|a| Entry::new(wrap(a))).collect();
        self.headers.splice(at..at, new);
        Ok(self)
    }

    /// Adds one recipient of kind `field` (To, Cc or Bcc) after the last one of that kind.
    ///
    /// # Errors
    /// `Unencodable` when `field` is not To, Cc or Bcc.
    pub fn add_recipient(
        &mut self,
        field: FieldCode,
        address: Address<'a>,
    ) -> Result<&mut Self, EncodeError> {
        let wrap = recipient(field)?;
        let last = self.headers.iter().rposition(|e| e.field() == Some(field));
        let at = last.map_or_else(|| self.canonical_slot(Some(field)), |i| i + 1);
        self.headers.insert(at, Entry::new(wrap(address)));
        Ok(self)
    }

    /// Adds an application header (OMA-TS-MMS_ENC-V1_3 §7.1: a Token-text name and a
    /// Text-string value) before Content-Type, after any already there.
    ///
    /// # Errors
    /// `Unencodable` for a name that is not Token-text (empty, starting outside 0x20–0x7E, or
    /// holding a NUL) or a value holding a NUL: the decoder would not read them back.
    pub fn add_application_header(
        &mut self,
        name: &'a str,
        value: &'a str,
    ) -> Result<&mut Self, EncodeError> {
        let header = application_header(name.as_bytes(), value.as_bytes())?;
        self.headers.push(Entry::new(header));
        Ok(self)
    }

    /// Sets the Content-Type and the body after it.
    pub fn set_body(&mut self, content_type: ContentTypeValue<'a>, body: &'a [u8]) -> &mut Self {
        self.content_type = Some(Entry::new(MmsHeader::ContentType(content_type)));
        self.body = Some(body);
        self
    }

    /// Writes the edited PDU, checked (see the [module docs](self)).
    ///
    /// # Errors
    /// As [`PduEditor::build`].
    pub fn finish(&self) -> Result<Vec<u8>, EncodeError> {
        let out = self.encode_to_vec()?;
        self.check(&out)?;
        Ok(out)
    }

    /// The edited PDU as a [`Pdu`] (built from the typed headers, which encode to the same
    /// octets as [`PduEditor::finish`]), checked.
    ///
    /// # Errors
    /// An encode error of a header; `Unencodable` when X-Mms-Message-Type is not first, or
    /// when the output does not decode or shows a deviation the source PDU did not have (the
    /// error names the field and the deviation).
    pub fn build(self) -> Result<Pdu<'a>, EncodeError> {
        let out = self.encode_to_vec()?;
        self.check(&out)?;
        let PduEditor {
            headers,
            content_type,
            body,
            ..
        } = self;
        let headers = headers
            .into_iter()
            .chain(content_type)
            .map(|e| e.header)
            .collect();
        Ok(Pdu::new(headers, body))
    }

    /// Refuses `out` unless it decodes with no deviation the source did not have.
    fn check(&self, out: &[u8]) -> Result<(), EncodeError> {
        if !matches!(
            self.headers.first().map(|e| &e.header),
            Some(MmsHeader::MessageType(_))
        ) {
            return Err(EncodeError::Unencodable {
                field: "X-Mms-Message-Type",
                reason: "must be the first header",
            });
        }
        let decoded = Pdu::decode(out).map_err(|e| EncodeError::Unencodable {
            field: e.context,
            reason: "the edited PDU does not decode",
        })?;
        let passed_on = |d: &Diagnostic| {
            d.kind.is_note()
                || self
                    .source
                    .iter()
                    .any(|s| s.kind == d.kind && s.context == d.context)
        };
        match decoded.diagnostics().iter().find(|d| !passed_on(d)) {
            Some(d) => Err(EncodeError::Unencodable {
                field: d.context,
                reason: d.kind.summary(),
            }),
            None => Ok(()),
        }
    }

    fn entries(&self) -> impl Iterator<Item = &Entry<'a>> + '_ {
        self.headers.iter().chain(&self.content_type)
    }
}

/// The header constructor of a recipient field.
fn recipient<'a>(field: FieldCode) -> Result<fn(Address<'a>) -> MmsHeader<'a>, EncodeError> {
    match field {
        FieldCode::TO => Ok(MmsHeader::To),
        FieldCode::CC => Ok(MmsHeader::Cc),
        FieldCode::BCC => Ok(MmsHeader::Bcc),
        _ => Err(NOT_A_RECIPIENT),
    }
}

/// An application header the decoder reads back as one (the one check, for the editor and
/// the builders).
pub(crate) fn application_header<'a>(
    name: &'a [u8],
    value: &'a [u8],
) -> Result<MmsHeader<'a>, EncodeError> {
    let header = MmsHeader::Application {
        name: Token::new(name),
        value: TextString::new(value),
    };
    check_application(&header)?;
    Ok(header)
}

/// Refuses an application header whose name is not Token-text or whose value holds a NUL.
pub(crate) fn check_application(header: &MmsHeader<'_>) -> Result<(), EncodeError> {
    let MmsHeader::Application { name, value } = header else {
        return Ok(());
    };
    let name_ok = matches!(name.bytes.first(), Some(b) if (0x20..0x7F).contains(b))
        && !name.bytes.contains(&0);
    if !name_ok {
        return Err(EncodeError::Unencodable {
            field: "application header",
            reason: "the name must be Token-text: non-empty, starting with 0x20..=0x7E, no NUL",
        });
    }
    if value.bytes.contains(&0) {
        return Err(EncodeError::Unencodable {
            field: "application header",
            reason: "the value must not hold a NUL",
        });
    }
    Ok(())
}

/// Untouched headers as their original octets, the others encoded; then the body.
impl Encode for PduEditor<'_> {
    fn encoded_len(&self) -> usize {
        let headers: usize = self
            .entries()
            .map(|e| e.raw.map_or_else(|| e.header.encoded_len(), <[u8]>::len))
            .sum();
        headers + self.body.map_or(0, <[u8]>::len)
    }

    fn encode<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        for e in self.entries() {
            match e.raw {
                Some(raw) => w.write_bytes(raw)?,
                None => e.header.encode(w)?,
            }
        }
        if let Some(body) = self.body {
            w.write_bytes(body)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assigned::WellKnownMedia;
    use crate::base::diag::DiagnosticKind;
    use crate::base::options::DecodeOptions;
    use crate::wsp::ContentType;

    const SEND_REQ: &[u8] =
        b"\x8C\x80\x98T1\0\x8D\x93\x89\x01\x81\x97+15550001/TYPE=PLMN\0\x84\x83hi";

    #[test]
    fn untouched_pdu_is_written_back_exactly() {
        let pdu = Pdu::decode(SEND_REQ).unwrap();
        assert_eq!(pdu.edit().finish().unwrap(), SEND_REQ);
        let built = pdu.edit().build().unwrap();
        assert_eq!(built.encode_to_vec().unwrap(), SEND_REQ);
        // A non-canonical value (an unparsed Delivery-Report) goes back as it came.
        let odd = b"\x8C\x80\x98T\0\x8D\x93\x86yes\0\x97a\0\x84\x83";
        let pdu = Pdu::decode(odd).unwrap();
        let mut edit = pdu.edit();
        edit.add_recipient(FieldCode::TO, Address::new(b"b"))
            .unwrap();
        let out = edit.finish().unwrap();
        assert_eq!(&out[..14], &odd[..14]);
        assert_eq!(Pdu::decode(&out).unwrap().to().count(), 2);
    }

    #[test]
    fn set_remove_insert_and_reorder() {
        let pdu = Pdu::decode(SEND_REQ).unwrap();
        let mut edit = pdu.edit();
        edit.set(MmsHeader::Subject("Hello".into()))
            .set(MmsHeader::TransactionId("T2".into()))
            .add_recipient(FieldCode::CC, Address::new(b"c@example.org"))
            .unwrap();
        let wire = edit.finish().unwrap();
        let out = Pdu::decode(&wire).unwrap();
        assert!(out.diagnostics().is_empty(), "{:?}", out.diagnostics());
        assert_eq!(out.transaction_id().unwrap().bytes, b"T2");
        assert_eq!(out.subject().unwrap().as_bytes(), b"Hello");
        let order: Vec<_> = out.headers().filter_map(|h| h.field()).collect();
        assert_eq!(
            order,
            [
                FieldCode::MESSAGE_TYPE,
                FieldCode::TRANSACTION_ID,
                FieldCode::MMS_VERSION,
                FieldCode::FROM,
                FieldCode::TO,
                FieldCode::CC,
                FieldCode::SUBJECT,
                FieldCode::CONTENT_TYPE
            ]
        );
        // A Content-Type inserted anywhere stays last, and keeps the body.
        let mut edit = pdu.edit();
        let text = ContentType::well_known(WellKnownMedia::TEXT_PLAIN);
        edit.insert(1, MmsHeader::ContentType(text));
        let out = edit.finish().unwrap();
        assert!(out.ends_with(b"\x84\x83hi"));
        // Moving the Transaction-ID out of its place is refused: the decoder would report it.
        let mut edit = pdu.edit();
        edit.move_header(1, 4);
        let e = edit.finish().unwrap_err();
        assert_eq!(
            e,
            EncodeError::Unencodable {
                field: "X-Mms-Transaction-Id",
                reason: DiagnosticKind::OutOfOrder.summary(),
            }
        );
        // Message-Type must stay first.
        let mut edit = pdu.edit();
        edit.remove(FieldCode::MESSAGE_TYPE);
        assert!(edit.finish().is_err());
        // Removing Content-Type removes the body.
        let mut edit = pdu.edit();
        edit.remove(FieldCode::CONTENT_TYPE);
        let out = edit.finish().unwrap();
        assert_eq!(Pdu::decode(&out).unwrap().body(), None);
        let mut edit = pdu.edit();
        edit.retain(|h| !matches!(h, MmsHeader::From(_)));
        assert_eq!(edit.len(), 5);
        assert!(!edit.is_empty());
    }

    #[test]
    fn recipients_and_application_headers() {
        let pdu = Pdu::decode(SEND_REQ).unwrap();
        let mut edit = pdu.edit();
        let to = [
            Address::new(b"a@example.org"),
            Address::new(b"+1555/TYPE=PLMN"),
        ];
        edit.set_recipients(FieldCode::TO, to).unwrap();
        edit.add_application_header("X-Relay", "one").unwrap();
        edit.add_application_header("X-Relay-2", "two").unwrap();
        assert!(edit.add_application_header("", "x").is_err());
        assert!(edit.add_application_header("X-A", "a\0b").is_err());
        assert!(edit.set_recipients(FieldCode::SUBJECT, []).is_err());
        let out = edit.finish().unwrap();
        for strict in [false, true] {
            let options = DecodeOptions::new().strict(strict);
            let back = Pdu::decode_with(&out, &options).unwrap();
            assert_eq!(back.to().count(), 2);
            assert_eq!(back.application_headers().count(), 2);
            assert!(back.diagnostics().iter().all(|d| d.kind.is_note()));
        }
        // Set replaces an application header by name; remove_application drops it.
        edit.set(application_header(b"x-relay", b"three").unwrap());
        let back = edit.clone().build().unwrap();
        let apps: Vec<_> = back.application_headers().collect();
        assert_eq!(
            apps,
            [(&b"x-relay"[..], &b"three"[..]), (b"X-Relay-2", b"two")]
        );
        edit.remove_application(b"X-RELAY-2");
        assert_eq!(edit.build().unwrap().application_headers().count(), 1);
    }

    #[test]
    fn deviations_of_the_source_are_passed_on() {
        // The source has its Transaction-ID after the version: kept as it came.
        let wire = b"\x8C\x80\x8D\x93\x98T\0\x89\x01\x81\x97a\0\x84\x83";
        let pdu = Pdu::decode(wire).unwrap();
        assert!(!pdu.diagnostics().is_empty());
        let mut edit = pdu.edit();
        edit.set(MmsHeader::Subject("s".into()));
        let out = edit.finish().unwrap();
        assert_eq!(Pdu::decode(&out).unwrap().diagnostics(), pdu.diagnostics());
    }
}
