//! An owned, `'static` pushed message over one shared buffer: [`OwnedPush`], the owned form of
//! [`PushMessage`] as [`OwnedPdu`](crate::mms::OwnedPdu) is the owned form of a [`Pdu`].
//!
//! Same shape, same reason (see [`crate::mms::owned`]): the octets are kept as a
//! [`bytes::Bytes`] beside what the decode found (the push's layout, the PDU's header index,
//! the diagnostics of both layers), and a [`PushMessage`] is put together again from the two
//! on demand without decoding the PDU again.

use alloc::vec::Vec;

use bytes::Bytes;

use crate::base::diag::Diagnostic;
use crate::base::error::{DecodeError, EncodeError};
use crate::base::options::DecodeOptions;
use crate::codec::Encode;
use crate::message::PushMessage;
use crate::mms::Pdu;
use crate::mms::pdu::Detached;
use crate::wsp::Push;
use crate::wsp::push::DetachedPush;

/// A decoded WSP push and its MMS PDU that own their octets: `Send + Sync + 'static`, cheap
/// to clone (the buffer is shared).
///
/// ```
/// use mms_pdu::prelude::*;
/// use mms_pdu::message::OwnedPush;
///
/// let wire = Bytes::from_static(include_bytes!("../../samples/push-notification.wsp"));
/// let owned = OwnedPush::decode(wire)?;
/// // Moved to another thread, past the buffer it was decoded from.
/// let size = std::thread::spawn(move || {
///     let message = owned.message();
///     message.pdu.and_then(|pdu| pdu.message_size()).map(|s| s.value)
/// })
/// .join()
/// .unwrap();
/// assert_eq!(size, Some(12345));
/// # Ok::<(), DecodeError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnedPush {
    bytes: Bytes,
    push: DetachedPush,
    /// The PDU in the body, its offsets counted from the start of the push.
    pdu: Option<Detached>,
    diagnostics: Vec<Diagnostic>,
    /// Whether the push was found behind an SMS framing (read again from the octets by
    /// [`sms::classify`](crate::sms::classify) when asked for: a few octets of header).
    framed: bool,
}

impl OwnedPush {
    /// Decodes `bytes` as a connectionless push and its PDU (lenient) and keeps them.
    ///
    /// # Errors
    /// As [`PushMessage::decode_with`].
    pub fn decode(bytes: Bytes) -> Result<Self, DecodeError> {
        Self::decode_with(bytes, &DecodeOptions::new())
    }

    /// Decodes `bytes` as a connectionless push and its PDU with `options` and keeps both.
    ///
    /// # Errors
    /// As [`PushMessage::decode_with`].
    pub fn decode_with(bytes: Bytes, options: &DecodeOptions) -> Result<Self, DecodeError> {
        let message = PushMessage::decode_with(&bytes, options)?;
        let push = message.push.detach(&bytes, options.limits().max_headers);
        let pdu = message.pdu.and_then(Pdu::detach);
        let diagnostics = message.diagnostics;
        let framed = message.framing.is_some();
        Ok(OwnedPush {
            bytes,
            push,
            pdu,
            diagnostics,
            framed,
        })
    }

    /// The pushed message, borrowed from the owned octets (put together from what the decode
    /// found; the PDU is not decoded again).
    pub fn message(&self) -> PushMessage<'_> {
        PushMessage {
            push: self.push(),
            pdu: self.pdu(),
            diagnostics: self.diagnostics.clone(),
            framing: self.framed.then(|| crate::sms::classify(&self.bytes)),
        }
    }

    /// The push layer.
    pub fn push(&self) -> Push<'_> {
        Push::attach(&self.bytes, &self.push)
    }

    /// The MMS PDU in the body (`None` for a push that is not MMS).
    pub fn pdu(&self) -> Option<Pdu<'_>> {
        let detached = self.pdu.as_ref()?;
        let body = self.push().body_offset();
        Some(Pdu::attach(
            self.bytes.get(body..).unwrap_or_default(),
            detached,
        ))
    }

    /// What the decode accepted in the push layer, and the mandatory fields a pushed
    /// notification lacks ([`PushMessage::diagnostics`]).
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The push body (the MMS PDU's octets) as a zero-copy slice of the owned buffer.
    pub fn body_bytes(&self) -> Bytes {
        let push = self.push();
        let start = push.body_offset();
        let end = start.saturating_add(push.body().len());
        self.bytes
            .get(start..end)
            .map_or_else(Bytes::new, |_| self.bytes.slice(start..end))
    }

    /// The encoded push.
    pub fn as_bytes(&self) -> &Bytes {
        &self.bytes
    }

    /// Gives the encoded push back.
    pub fn into_bytes(self) -> Bytes {
        self.bytes
    }
}

impl PushMessage<'_> {
    /// Copies this message's octets once into a new buffer and returns it as an
    /// [`OwnedPush`]. The copy is decoded again with default (lenient) options, since a
    /// `PushMessage` does not know the buffer it came from; to keep a decode instead, decode
    /// into an [`OwnedPush`] in the first place ([`OwnedPush::decode_with`]).
    ///
    /// # Errors
    /// The encode error, or `Unencodable` when the encoded octets do not decode again under
    /// the default options (a hand-built push, or one decoded with looser limits).
    pub fn into_owned(self) -> Result<OwnedPush, EncodeError> {
        // Through `Message`, which writes an SMS framing back in front of the push.
        let bytes = Bytes::from(crate::message::Message::Push(self).encode_to_vec()?);
        OwnedPush::decode(bytes).map_err(|_| EncodeError::Unencodable {
            field: "push",
            reason: "the encoded push does not decode",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PUSH: &[u8] = include_bytes!("../../samples/push-notification.wsp");

    #[test]
    fn owned_push_is_the_decoded_push() {
        let decoded = PushMessage::decode(PUSH).unwrap();
        let owned = OwnedPush::decode(Bytes::from_static(PUSH)).unwrap();
        assert_eq!(owned.message(), decoded);
        assert_eq!(owned.push().diagnostics(), decoded.push.diagnostics());
        let offsets = |p: &Pdu<'_>| p.fields().map(|h| h.offset).collect::<Vec<_>>();
        assert_eq!(
            offsets(&owned.pdu().unwrap()),
            offsets(decoded.pdu.as_ref().unwrap())
        );
        assert_eq!(owned.push().encode_to_vec().unwrap(), PUSH);
        let body = owned.body_bytes();
        assert_eq!(body.as_ref(), &PUSH[6..]);
        assert_eq!(body.as_ptr(), owned.as_bytes()[6..].as_ptr());
        assert_eq!(decoded.clone().into_owned().unwrap(), owned);
        fn is_send_static<T: Send + Sync + 'static>(_: &T) {}
        is_send_static(&owned);
    }

    /// A push still in its SMS user data header keeps the header, and writes it back.
    #[test]
    fn owned_push_keeps_its_sms_framing() {
        let framed = [&[0x06, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0][..], PUSH].concat();
        let decoded = PushMessage::decode(&framed).unwrap();
        assert!(decoded.framing.is_some());
        let owned = OwnedPush::decode(Bytes::from(framed.clone())).unwrap();
        assert_eq!(owned.message(), decoded);
        assert_eq!(
            owned.pdu().unwrap().message_size(),
            decoded.pdu.as_ref().unwrap().message_size()
        );
        let again = decoded.into_owned().unwrap();
        assert_eq!(again.as_bytes().as_ref(), &framed[..]);
        assert_eq!(again, owned);
    }

    #[test]
    fn owned_push_keeps_diagnostics_of_both_layers() {
        // Cut before X-Mms-Content-Location: the notification lacks a mandatory field.
        let cut = Bytes::copy_from_slice(&PUSH[..53]);
        let owned = OwnedPush::decode(cut.clone()).unwrap();
        assert_eq!(
            owned.diagnostics(),
            PushMessage::decode(&cut).unwrap().diagnostics
        );
        assert!(!owned.diagnostics().is_empty());
        let strict = DecodeOptions::new().strict(true);
        assert!(OwnedPush::decode_with(cut, &strict).is_err());
        // A bare PDU is not a push.
        assert!(OwnedPush::decode(Bytes::from_static(&PUSH[6..])).is_err());
    }
}
