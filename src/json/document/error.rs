//! The error of reading a message out of a [`Document`](super::Document), with the path to
//! where it happened.

use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;

use serde::de;

use crate::base::error::EncodeError;

/// Why a [`Document`] could not become a message or its octets, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentError {
    /// Where in the document, outermost first (`["pdu", "headers", "3", "header"]`); empty
    /// for the document as a whole.
    pub path: Vec<String>,
    /// What was wrong.
    pub kind: DocumentErrorKind,
}

/// What was wrong with a [`Document`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DocumentErrorKind {
    /// The document does not have the shape of a serialized message (a missing field, an
    /// unknown variant, a wrong type); the text says which.
    Shape(String),
    /// A value of the right shape cannot be written.
    Encode(EncodeError),
}

impl DocumentError {
    /// `segment` is the step (a key or an index) from the parent to where `self` happened.
    pub(super) fn within(mut self, segment: impl fmt::Display) -> Self {
        self.path.insert(0, segment.to_string());
        self
    }
}

impl From<EncodeError> for DocumentError {
    fn from(e: EncodeError) -> Self {
        DocumentError {
            path: Vec::new(),
            kind: DocumentErrorKind::Encode(e),
        }
    }
}

impl fmt::Display for DocumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.is_empty() {
            f.write_str("at ")?;
            for (i, segment) in self.path.iter().enumerate() {
                if segment.bytes().all(|b| b.is_ascii_digit()) {
                    write!(f, "[{segment}]")?;
                } else {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(segment)?;
                }
            }
            f.write_str(": ")?;
        }
        match &self.kind {
            DocumentErrorKind::Shape(text) => f.write_str(text),
            DocumentErrorKind::Encode(e) => write!(f, "{e}"),
        }
    }
}

impl core::error::Error for DocumentError {}

impl de::Error for DocumentError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DocumentError {
            path: Vec::new(),
            kind: DocumentErrorKind::Shape(msg.to_string()),
        }
    }
}
