//! The serde layer (feature `serde`): `Serialize` for the decoded model's composite values,
//! the JSON document that reads back into wire octets (re-exported as `document`), and the
//! readable view beside it ([`document::Readable`]).

use alloc::borrow::Cow;

use crate::assigned::Charset;
use crate::wsp::Part;

pub mod document;
mod framing;
mod readable;
mod serde_impls;

/// Whether the JSON shows a part's data as text: `text/*` and SMIL parts. The exact JSON
/// ([`reported_text`]) and the readable view both follow it.
fn shows_text(part: &Part<'_>) -> bool {
    matches!(
        part.content_type.media_name(),
        Some(n) if n.get(..5).is_some_and(|p| p.eq_ignore_ascii_case("text/"))
    ) || part.is_smil()
}

/// The `text` the exact JSON reports for a part: its data decoded by its charset (UTF-8 when
/// none is given), for the parts [`shows_text`] picks. The serializer writes it and the
/// document reader checks an edited one against it, so the two cannot drift apart.
fn reported_text<'a>(part: &Part<'a>) -> Option<Cow<'a, str>> {
    shows_text(part).then(|| part.text(Charset::UTF_8))
}
