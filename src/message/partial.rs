//! The front door's partial decode: a bare PDU or a push, and what was found before its input
//! stopped making sense ([`decode_partial`]).

use alloc::vec::Vec;

use crate::base::diag::{Diagnostic, Diagnostics};
use crate::base::error::DecodeError;
use crate::base::options::DecodeOptions;
use crate::message::detect::opens_mms_pdu;
use crate::message::{Message, decode_with};
use crate::mms::{Partial, Pdu, partial};
use crate::wsp::Push;

/// An input that did not decode whole ([`decode_partial`]): the push around the PDU, when
/// the input was a push whose WSP layer decoded, and the PDU as far as it went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartialMessage<'a> {
    /// The push, when the input is one and its WSP layer (TID, type, headers) decoded.
    pub push: Option<Push<'a>>,
    /// Deviations accepted while decoding the push layer.
    pub diagnostics: Vec<Diagnostic>,
    /// The MMS PDU as far as it decoded: no headers when the input ended (or broke) before
    /// the PDU began.
    pub partial: Partial<'a>,
}

impl<'a> PartialMessage<'a> {
    /// What stopped the decode (as [`decode_with`] reports it, offsets from the start of the
    /// input; a [`MissingField`](crate::DecodeErrorKind::MissingField) when it decoded but lacks
    /// a mandatory field).
    pub fn error(&self) -> DecodeError {
        self.partial.error()
    }

    /// The PDU as far as it decoded (see [`Partial::pdu`]).
    pub fn pdu(&self) -> &Pdu<'a> {
        self.partial.pdu()
    }
}

impl core::fmt::Display for PartialMessage<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        self.partial.fmt(f)
    }
}

impl core::error::Error for PartialMessage<'_> {}

/// [`decode_with`], or what was decoded before the input stopped making sense: `Ok` only for
/// a whole message (a PDU with every mandatory field of its type and every part its body
/// declares); otherwise a [`PartialMessage`] carrying the error, the push (when its WSP layer
/// was whole), and the PDU's headers and complete parts before the fault.
///
/// A pushed notification whose last SMS segment never arrived:
///
/// ```
/// use mms_pdu::{DecodeOptions, decode_partial};
/// let push = include_bytes!("../../samples/push-notification.wsp");
/// let cut = &push[..push.len() - 4]; // inside X-Mms-Content-Location, its last header
/// let partial = decode_partial(cut, &DecodeOptions::new()).unwrap_err();
/// assert!(partial.error().is_incomplete());
/// assert_eq!(partial.error().context, "X-Mms-Content-Location");
/// assert!(partial.push.is_some());
/// assert_eq!(partial.pdu().message_size().unwrap().value, 12345);
/// assert_eq!(partial.partial.missing(), ["X-Mms-Content-Location"]);
/// // The whole push decodes.
/// assert!(decode_partial(push, &DecodeOptions::new()).is_ok());
/// ```
///
/// # Errors
/// A [`PartialMessage`] for anything but a whole message.
// The error carries a `Pdu`, as large as the success does; boxing it would allocate for
// every partial result to save a move made once per input.
#[allow(clippy::result_large_err)]
pub fn decode_partial<'a>(
    input: &'a [u8],
    options: &DecodeOptions,
) -> Result<Message<'a>, PartialMessage<'a>> {
    let bare = |partial| PartialMessage {
        push: None,
        diagnostics: Vec::new(),
        partial,
    };
    if opens_mms_pdu(input) {
        return Pdu::decode_partial(input, options)
            .map(Message::Pdu)
            .map_err(bare);
    }
    let error = match decode_with(input, options) {
        Ok(Message::Push(mut message)) => {
            // Whole as a push; its PDU may still lack what a cut on a header boundary lost.
            let Some(pdu) = message.pdu.take() else {
                return Ok(Message::Push(message));
            };
            return match partial::whole(pdu, input.len()) {
                Ok(pdu) => {
                    message.pdu = Some(pdu);
                    Ok(Message::Push(message))
                }
                Err(partial) => Err(PartialMessage {
                    push: Some(message.push),
                    diagnostics: message.diagnostics,
                    partial,
                }),
            };
        }
        Ok(message) => return Ok(message),
        Err(e) => e,
    };
    let mut diagnostics = Diagnostics::new(options.is_strict());
    // A push still in its SMS framing is read behind it, as `decode_with` reads it.
    let Ok((at, base, _)) = super::unframed(input) else {
        return Err(bare(Partial::nothing(input, error, options)));
    };
    let Ok(push) = Push::decode_reporting(at, base, options, &mut diagnostics) else {
        return Err(bare(Partial::nothing(input, error, options)));
    };
    let partial = match push.mms_body() {
        Some(body) => match partial::decode_at(body, push.body_offset(), options) {
            Err(partial) => partial.map_error(|_| error),
            // The PDU is whole; what failed is the front door's check of it (strict mode).
            Ok(pdu) => Partial::nothing(input, error, options).with_pdu(pdu),
        },
        None => Partial::nothing(input, error, options),
    };
    Err(PartialMessage {
        push: Some(push),
        diagnostics: diagnostics.into_vec(),
        partial,
    })
}
