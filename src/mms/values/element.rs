//! X-Mms-Element-Descriptor: `Value-length Content-Reference-value *(Parameter)` (MMS_ENC
//! 7.3.16), its parameters (MMS table names, Constrained-encoding or text values) and their
//! lazy iterator.

use super::wire::{Framed, canonical_form, delimited, framed_values, text};
use crate::base::error::{DecodeError, DecodeErrorKind, Deviation, EncodeError, Expected};
use crate::codec::{Cursor, Encode, LengthForm, PResult, TextString, Writer, fail, unexpected};

/// The name of an Element-Descriptor parameter: a Short-integer from the MMS table (0x02 =
/// `type`, Table 27 of OMA-TS-MMS_ENC-V1_3 §7.3.18; not the WSP parameter table) or a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum ElementParamName<'a> {
    /// A Short-integer code (without the high bit).
    Code(u8),
    /// A Text-string name.
    #[cfg_attr(feature = "serde", serde(borrow))]
    Text(TextString<'a>),
}

impl ElementParamName<'_> {
    /// The MMS parameter code for `type`.
    pub const TYPE: u8 = 0x02;
}

/// The value of an Element-Descriptor parameter: a Constrained-encoding (Short-integer, e.g. a
/// well-known content type, or Extension-media text) or a Text-string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum ElementParamValue<'a> {
    /// A Short-integer (without the high bit).
    Code(u8),
    /// A text (Extension-media or Text-string; both are NUL-terminated).
    #[cfg_attr(feature = "serde", serde(borrow))]
    Text(TextString<'a>),
}

/// One Element-Descriptor parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ElementParam<'a> {
    #[cfg_attr(feature = "serde", serde(borrow))]
    /// The name.
    pub name: ElementParamName<'a>,
    /// The value.
    pub value: ElementParamValue<'a>,
}

fn element_param(input: &[u8]) -> PResult<'_, ElementParam<'_>> {
    let (input, name) = match input.first() {
        Some(&b) if b >= 0x80 => (
            input.get(1..).unwrap_or(&[]),
            ElementParamName::Code(b & 0x7F),
        ),
        Some(&b) if b >= 0x20 => {
            let (rest, t) = text(input)?;
            (rest, ElementParamName::Text(t))
        }
        _ => return unexpected(input, Expected::FieldName),
    };
    let (input, value) = match input.first() {
        Some(&b) if b >= 0x80 => (
            input.get(1..).unwrap_or(&[]),
            ElementParamValue::Code(b & 0x7F),
        ),
        Some(_) => {
            let (rest, t) = text(input)?;
            (rest, ElementParamValue::Text(t))
        }
        None => return fail(input, DecodeErrorKind::UnexpectedEnd { need: 1, have: 0 }),
    };
    Ok((input, ElementParam { name, value }))
}

/// Lazily decodes the parameters of an [`ElementDescriptor`]; stops after the first error.
#[derive(Debug, Clone)]
pub struct ElementParams<'a> {
    cursor: Cursor<'a>,
    failed: bool,
}

impl<'a> Iterator for ElementParams<'a> {
    type Item = Result<ElementParam<'a>, DecodeError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed || self.cursor.is_empty() {
            return None;
        }
        let param = self.cursor.read(element_param);
        self.failed = param.is_err();
        Some(param)
    }
}

impl core::iter::FusedIterator for ElementParams<'_> {}

/// X-Mms-Element-Descriptor: `Value-length Content-Reference-value *(Parameter)`.
///
/// The parameters stay a raw bounded slice (validated while decoding) with a lazy iterator.
///
/// ```
/// use mms_pdu::codec::{decode_all, Encode};
/// use mms_pdu::mms::{element_descriptor, ElementParamName, ElementParamValue};
/// let wire = [0x06, b'r', b'e', b'f', 0x00, 0x82, 0x83]; // ref, type=text/plain
/// let e = decode_all(&wire, element_descriptor).unwrap();
/// assert_eq!(e.reference.bytes, b"ref");
/// let p = e.params().next().unwrap().unwrap();
/// assert_eq!((p.name, p.value), (ElementParamName::Code(2), ElementParamValue::Code(3)));
/// assert_eq!(e.encode_to_vec().unwrap(), wire);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ElementDescriptor<'a> {
    /// The Value-length form used.
    pub length_form: LengthForm,
    /// The content reference (Text-string).
    pub reference: TextString<'a>,
    /// The encoded parameters, as sent.
    #[cfg_attr(feature = "serde", serde(with = "crate::base::serde_util::octets"))]
    pub params: &'a [u8],
}

impl<'a> ElementDescriptor<'a> {
    /// Canonical form with already-encoded parameters (`params` may be empty).
    pub fn new(reference: &'a [u8], params: &'a [u8]) -> Self {
        let reference = TextString::new(reference);
        ElementDescriptor {
            length_form: canonical_form(reference.encoded_len() + params.len()),
            reference,
            params,
        }
    }

    /// The parameters, decoded lazily.
    pub fn params(&self) -> ElementParams<'a> {
        ElementParams {
            cursor: Cursor::new(self.params),
            failed: false,
        }
    }
}

/// The content: the reference, then the parameters, each checked and kept as one slice.
fn element_content(data: &[u8]) -> PResult<'_, (TextString<'_>, &[u8])> {
    let (mut params, reference) = text(data)?;
    let all = params;
    while !params.is_empty() {
        let (left, _) = element_param(params)?;
        params = left;
    }
    Ok((params, (reference, all)))
}

/// Decodes X-Mms-Element-Descriptor, validating every parameter.
///
/// # Errors
/// A bad Value-length, reference or parameter.
pub fn element_descriptor(input: &[u8]) -> PResult<'_, ElementDescriptor<'_>> {
    let (rest, (length_form, (reference, params))) = delimited(input, element_content)?;
    let element = ElementDescriptor {
        length_form,
        reference,
        params,
    };
    Ok((rest, element))
}

impl Framed for ElementDescriptor<'_> {
    const FIELD: &'static str = "X-Mms-Element-Descriptor";
    fn length_form(&self) -> LengthForm {
        self.length_form
    }
    fn content_len(&self) -> usize {
        self.reference.encoded_len() + self.params.len()
    }
    fn encode_content<W: Writer + ?Sized>(&self, w: &mut W) -> Result<(), EncodeError> {
        self.reference.encode(w)?;
        w.write_bytes(self.params)
    }
    fn content_deviation(&self) -> Option<Deviation> {
        self.reference.deviation()
    }
}

framed_values!(ElementDescriptor<'a> => element_descriptor);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::decode_all;
    use crate::mms::values::testing::{ctx, round};
    use alloc::vec::Vec;

    #[test]
    fn element_descriptor_params() {
        let mut wire = alloc::vec![0x00];
        wire.extend_from_slice(b"cid:a\0");
        wire.extend_from_slice(&[0x82]);
        wire.extend_from_slice(b"image/jpeg\0");
        wire.extend_from_slice(b"x-n\0\x7F\xC3\xA9\0");
        wire[0] = u8::try_from(wire.len() - 1).unwrap();
        let v: ElementDescriptor<'_> = round(&wire, &ctx(None));
        let ps: Vec<_> = v.params().map(Result::unwrap).collect();
        assert_eq!(ps.len(), 2);
        assert_eq!(ps[0].name, ElementParamName::Code(ElementParamName::TYPE));
        assert!(matches!(ps[0].value, ElementParamValue::Text(t) if t.bytes == b"image/jpeg"));
        assert!(matches!(ps[1].value, ElementParamValue::Text(t) if t.quoted));
        // A parameter without a value is an error at decode time.
        assert!(decode_all(&[0x03, b'r', 0, 0x82], element_descriptor).is_err());
        let bare = ElementDescriptor::new(b"r", &[]);
        assert_eq!(bare.encode_to_vec().unwrap(), [0x02, b'r', 0]);
    }
}
