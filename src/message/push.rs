//! MMS over WSP push: decoding a push (whose HeadersLen repairs need to know where an MMS PDU
//! starts), the MMS PDU it carries, and what a pushed notification must hold.
//!
//! [`Push`] itself is WSP only ([`crate::wsp::push`]); this is the glue that knows the body is
//! an MMS PDU.

use crate::base::diag::Diagnostics;
use crate::base::error::{DecodeError, DecodeErrorKind};
use crate::base::options::DecodeOptions;
use crate::message::detect::{looks_like_mms_pdu, opens_mms_pdu};
use crate::message::{Message, PushMessage};
use crate::mms::Pdu;
use crate::wsp::Push;
use crate::wsp::push::{BodyStart, is_mms_type};

/// Where the body of an MMS push starts.
const MMS_BODY: BodyStart = BodyStart {
    applies: is_mms_type,
    opens: opens_mms_pdu,
    shows: looks_like_mms_pdu,
};

impl<'a> Push<'a> {
    /// Decodes a connectionless push (with its TID octet, as carried over SMS or UDP)
    /// leniently; the PDU type must be Push (0x06). See [`Push::decode_with`].
    ///
    /// # Errors
    /// As [`Push::decode_with`].
    pub fn decode(input: &'a [u8]) -> Result<Self, DecodeError> {
        Self::decode_with(input, &DecodeOptions::new())
    }

    /// Decodes a connection-mode push (no TID octet, as carried over WTP); the PDU type may be
    /// Push (0x06) or ConfirmedPush (0x07). What it accepts is in [`Push::diagnostics`].
    ///
    /// # Errors
    /// As [`Push::decode_with`].
    pub fn decode_connection_mode(
        input: &'a [u8],
        opts: &DecodeOptions,
    ) -> Result<Self, DecodeError> {
        let mut diags = Diagnostics::new(opts.is_strict());
        Self::decode_parts(input, false, opts, &mut diags, &MMS_BODY)
    }

    /// Decodes a connectionless push; what a lenient decode accepted is in
    /// [`Push::diagnostics`]. The MMS PDU in the body is not decoded here:
    /// [`PushMessage::decode_with`](crate::PushMessage::decode_with) decodes both layers.
    ///
    /// The content type is decoded as a WSP Content-type-value and the header block is checked
    /// once with [`HeaderBlock::decode`](crate::wsp::HeaderBlock::decode) (its diagnostics —
    /// values kept raw, non-canonical text — are kept too). Accepted with a diagnostic
    /// (an error in strict mode):
    /// - [`DiagnosticKind::HeadersLenMismatch`] when an MMS push's HeadersLen is too large and
    ///   the MMS PDU (`8C xx 98`/`8C xx 8D`) visibly starts at a header boundary inside the
    ///   declared header block (Gammu `mms-298`), or when HeadersLen is 0 and the content type
    ///   and MMS PDU follow (AOSP `WapPushOverSmsTest`). The declared HeadersLen is kept for
    ///   re-encoding, and the body starts where the MMS PDU does.
    /// - [`DiagnosticKind::ContentLengthMismatch`] when a Content-Length header disagrees with
    ///   the body (Vodafone ES pushes declare 95 octets for 106); the body is the rest of the PDU.
    ///
    /// [`DiagnosticKind::HeadersLenMismatch`]: crate::base::diag::DiagnosticKind::HeadersLenMismatch
    /// [`DiagnosticKind::ContentLengthMismatch`]: crate::base::diag::DiagnosticKind::ContentLengthMismatch
    ///
    /// # Errors
    /// `NotThisKind` when the PDU type is not Push; `LengthExceedsInput` when HeadersLen runs
    /// past the input; `UnexpectedEnd`, `MissingTerminator`, `TooManyHeaders` and the like for a
    /// malformed content type or header; any diagnostic in strict mode.
    pub fn decode_with(input: &'a [u8], opts: &DecodeOptions) -> Result<Self, DecodeError> {
        let mut diags = Diagnostics::new(opts.is_strict());
        Self::decode_reporting(input, 0, opts, &mut diags)
    }

    /// [`Push::decode_with`], reporting what it accepts to `diags` as well (for the front door,
    /// which collects the diagnostics of both layers), for a push that starts `base` octets
    /// into the input the caller holds (behind an SMS user data header or TPDU): offsets count
    /// from that input's start.
    pub(crate) fn decode_reporting(
        input: &'a [u8],
        base: usize,
        opts: &DecodeOptions,
        diags: &mut Diagnostics,
    ) -> Result<Self, DecodeError> {
        Self::decode_parts_at(input, base, true, opts, diags, &MMS_BODY)
    }
}

impl<'a> PushMessage<'a> {
    /// Decodes a connectionless WSP push and the MMS PDU it carries, leniently (see
    /// [`PushMessage::decode_with`]).
    ///
    /// # Errors
    /// As [`PushMessage::decode_with`].
    pub fn decode(input: &'a [u8]) -> Result<Self, DecodeError> {
        Self::decode_with(input, &DecodeOptions::new())
    }

    /// Decodes a connectionless WSP push (the user data of a WAP push SMS, reassembled) and the
    /// MMS PDU it carries: [`decode_with`](crate::decode_with) for input known to be a push.
    ///
    /// ```
    /// use mms_pdu::prelude::*;
    /// let wire = include_bytes!("../../samples/push-notification.wsp");
    /// let pushed = PushMessage::decode(wire)?;
    /// assert!(pushed.push.is_mms() && pushed.diagnostics.is_empty());
    /// assert_eq!(pushed.pdu.unwrap().message_type(), Some(MessageType::NOTIFICATION_IND));
    /// // A bare PDU is not a push.
    /// assert!(PushMessage::decode(&wire[6..]).is_err());
    /// # Ok::<(), DecodeError>(())
    /// ```
    ///
    /// # Errors
    /// As [`decode_with`](crate::decode_with); `NotThisKind` for a bare MMS PDU.
    pub fn decode_with(input: &'a [u8], options: &DecodeOptions) -> Result<Self, DecodeError> {
        match crate::message::decode_with(input, options)? {
            Message::Push(pushed) => Ok(pushed),
            Message::Pdu(_) => Err(DecodeError {
                offset: 0,
                kind: DecodeErrorKind::NotThisKind,
                context: "WSP push",
            }),
        }
    }
}

/// Decodes the MMS PDU in the body of an MMS push (`None` for a push of another type: SI,
/// SL, DRM rights, provisioning). Offsets (in the error, and inside the returned PDU) count
/// from the start of the push.
///
/// ```
/// use mms_pdu::message::pushed_pdu;
/// use mms_pdu::wsp::Push;
/// use mms_pdu::DecodeOptions;
/// let bytes = include_bytes!("../../samples/push-notification.wsp");
/// let push = Push::decode_with(bytes, &DecodeOptions::new())?;
/// let pdu = pushed_pdu(&push, &DecodeOptions::new()).unwrap()?;
/// assert_eq!(pdu.message_size().unwrap().value, 12345);
/// # Ok::<(), mms_pdu::DecodeError>(())
/// ```
///
/// # Errors
/// The [`DecodeError`] of [`Pdu::decode_with`], its offset counted from the start of the push.
pub fn pushed_pdu<'a>(
    push: &Push<'a>,
    opts: &DecodeOptions,
) -> Option<Result<Pdu<'a>, DecodeError>> {
    let body = push.mms_body()?;
    let at = push.body_offset();
    Some(Pdu::decode_at(body, at, opts))
}

/// The mandatory fields a pushed PDU lacks: one home, with the partial decode's.
pub(crate) use crate::mms::partial::missing_mandatory;

#[cfg(test)]
mod tests {

    use super::*;
    use crate::assigned::MessageType;

    const PUSH: &[u8] = include_bytes!("../../samples/push-notification.wsp");

    #[test]
    fn reference_push_decodes_to_its_notification() {
        let push = Push::decode_with(PUSH, &DecodeOptions::new()).unwrap();
        let pdu = pushed_pdu(&push, &DecodeOptions::new()).unwrap().unwrap();
        assert_eq!(pdu.message_type(), Some(MessageType::NOTIFICATION_IND));
        assert_eq!(push.body_offset(), 6);
        assert_eq!(pdu.message_size().unwrap().value, 12345);
        // A non-MMS push has no PDU; a broken body gives an offset within the push.
        let mut broken = PUSH.to_vec();
        broken.truncate(20);
        let err = pushed_pdu(
            &Push::decode_with(&broken, &DecodeOptions::new()).unwrap(),
            &DecodeOptions::new(),
        )
        .unwrap()
        .unwrap_err();
        assert_eq!(err.context, "From");
        assert!(err.offset >= 14, "{err:?}");
    }
}
