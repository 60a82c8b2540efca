//! The error of reading a message out of a [`Document`](super::Document), with the path to
//! where it happened.

use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;

use serde::de;

#[cfg(doc)]
use super::Document;
use crate::base::error::EncodeError;

/// Why a [`Document`] could not become a message or its octets, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{kind}", Location(.path))]
pub struct DocumentError {
    /// Where in the document, outermost first (`["pdu", "headers", "3", "header"]`); empty
    /// for the document as a whole.
    pub path: Vec<String>,
    /// What was wrong.
    pub kind: DocumentErrorKind,
}

/// What was wrong with a [`Document`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DocumentErrorKind {
    /// The document does not have the shape of a serialized message (a missing field, an
    /// unknown variant, a wrong type); the text says which.
    #[error("{0}")]
    Shape(String),
    /// A value of the right shape cannot be written.
    #[error("{0}")]
    Encode(EncodeError),
}

/// A path as the prefix of an error's text, in the notation a reader would type to get there
/// (`at pdu.headers[3].header: `); nothing for the document as a whole.
struct Location<'a>(&'a [String]);

impl fmt::Display for Location<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return Ok(());
        }
        f.write_str("at ")?;
        for (i, segment) in self.0.iter().enumerate() {
            if segment.bytes().all(|b| b.is_ascii_digit()) {
                write!(f, "[{segment}]")?;
            } else {
                if i > 0 {
                    f.write_str(".")?;
                }
                f.write_str(segment)?;
            }
        }
        f.write_str(": ")
    }
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

impl de::Error for DocumentError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DocumentError {
            path: Vec::new(),
            kind: DocumentErrorKind::Shape(msg.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    #[test]
    fn display_names_the_path_as_a_reader_would_type_it() {
        let shape = |path: Vec<&str>| DocumentError {
            path: path.into_iter().map(String::from).collect(),
            kind: DocumentErrorKind::Shape(String::from("missing field `header`")),
        };
        assert_eq!(
            shape(vec!["pdu", "headers", "3", "header"]).to_string(),
            "at pdu.headers[3].header: missing field `header`"
        );
        assert_eq!(
            shape(vec!["0", "data"]).to_string(),
            "at [0].data: missing field `header`"
        );
        assert_eq!(shape(vec![]).to_string(), "missing field `header`");
        let encode = EncodeError::MissingField {
            field: "X-Mms-Message-Type",
        };
        assert_eq!(
            DocumentError::from(encode).within("pdu").to_string(),
            "at pdu: mandatory header X-Mms-Message-Type is missing"
        );
    }
}
