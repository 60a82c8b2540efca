//! Size budgets: the exact encoded size checked against a carrier's limit.

use crate::base::error::EncodeError;
use crate::codec::Encode;

/// The exact encoded size of `value`, or an error when it is above `limit` octets.
///
/// Refuses a PDU, push or multipart body before it is sent when its exact encoded
/// size exceeds what the carrier accepts.
///
/// MMSCs refuse messages above a per-carrier limit (commonly 300 KB, 600 KB, 1 MB or
/// 1.5 MB; the UAProf `MmsMaxMessageSize`). Every encodable value knows its exact size before
/// a byte is written ([`Encode::encoded_len`], which never reads part data, so a part streamed
/// from a reader is counted without being read), so the check is exact and cheap.
/// This function compares it with a limit and fails with [`EncodeError::OverBudget`], which
/// names both numbers; the MMS builders' `size_budget` setter applies it when a PDU is built, and
/// a streamed PDU (headers plus a body streamed from readers) is checked the same way, before any
/// reader is touched.
///
/// ```
/// use mms_pdu::codec::check_budget;
/// use mms_pdu::wsp::{ContentType, MultipartBuilder, PartBuilder};
/// use mms_pdu::assigned::WellKnownMedia;
/// use mms_pdu::EncodeError;
///
/// let image = vec![0u8; 400_000];
/// let body = MultipartBuilder::new()
///     .part(PartBuilder::new(ContentType::well_known(WellKnownMedia::IMAGE_JPEG), &image));
/// let err = check_budget(&body, 300 * 1024).unwrap_err();
/// assert!(matches!(err, EncodeError::OverBudget { limit: 307_200, .. }));
/// assert_eq!(
///     err.to_string(),
///     "encoded size 400006 exceeds the budget of 307200 octets"
/// );
/// assert_eq!(check_budget(&body, 1_048_576).unwrap(), 400_006);
/// ```
///
/// # Errors
/// [`EncodeError::OverBudget`] with the exact size and the limit.
pub fn check_budget<E: Encode + ?Sized>(value: &E, limit: usize) -> Result<usize, EncodeError> {
    let size = value.encoded_len();
    if size > limit {
        return Err(EncodeError::OverBudget {
            size: size as u64,
            limit: limit as u64,
        });
    }
    Ok(size)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::TextString;

    #[test]
    fn boundary() {
        let t = TextString::new(b"abc");
        assert_eq!(t.encoded_len(), 4);
        assert_eq!(check_budget(&t, 4).unwrap(), 4);
        assert_eq!(
            check_budget(&t, 3),
            Err(EncodeError::OverBudget { size: 4, limit: 3 })
        );
        assert_eq!(
            check_budget(&t, 0),
            Err(EncodeError::OverBudget { size: 4, limit: 0 })
        );
    }
}
