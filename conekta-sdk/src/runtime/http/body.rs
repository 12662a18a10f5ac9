//! Reading an answer's body chunk by chunk, up to the client's limit.

use bytes::{Bytes, BytesMut};

/// A body read so far. A body that arrives in one chunk (the usual case for
/// Conekta's answers) is kept as that chunk, neither copied nor allocated
/// again; a body in several chunks is joined into one buffer.
pub(crate) struct BodyReader {
    /// The first chunk, until a second one arrives.
    first: Bytes,
    /// All the chunks, once there is more than one.
    joined: Option<BytesMut>,
    /// How much to allocate when joining: the announced length, capped.
    capacity: usize,
}

impl BodyReader {
    /// A reader that allocates `capacity` bytes if it has to join chunks.
    pub(crate) fn new(capacity: usize) -> Self {
        Self {
            first: Bytes::new(),
            joined: None,
            capacity,
        }
    }

    /// How many bytes have been read.
    pub(crate) fn len(&self) -> usize {
        self.joined.as_ref().map_or(self.first.len(), BytesMut::len)
    }

    /// Adds the next chunk.
    pub(crate) fn push(&mut self, chunk: Bytes) {
        if let Some(joined) = &mut self.joined {
            joined.extend_from_slice(&chunk);
        } else if self.first.is_empty() {
            self.first = chunk;
        } else if !chunk.is_empty() {
            let mut joined =
                BytesMut::with_capacity(self.capacity.max(self.first.len() + chunk.len()));
            joined.extend_from_slice(&self.first);
            joined.extend_from_slice(&chunk);
            self.first = Bytes::new();
            self.joined = Some(joined);
        }
    }

    /// The whole body.
    pub(crate) fn finish(self) -> Bytes {
        self.joined.map_or(self.first, BytesMut::freeze)
    }
}

#[cfg(test)]
mod tests {
    use super::BodyReader;
    use bytes::Bytes;

    fn read(chunks: &[&'static [u8]], capacity: usize) -> (Vec<usize>, Bytes) {
        let mut reader = BodyReader::new(capacity);
        let mut lengths = Vec::new();
        for chunk in chunks {
            reader.push(Bytes::from_static(chunk));
            lengths.push(reader.len());
        }
        (lengths, reader.finish())
    }

    #[test]
    fn one_chunk_is_kept_as_it_came() {
        let chunk: &'static [u8] = b"{\"id\":\"cus_1\"}";
        let (lengths, body) = read(&[chunk], 1024);
        assert_eq!(lengths, [14]);
        assert_eq!(body, chunk);
        assert_eq!(body.as_ptr(), chunk.as_ptr(), "the chunk was copied");
    }

    #[test]
    fn several_chunks_are_joined_in_order() {
        let (lengths, body) = read(&[b"", b"{\"id\":", b"", b"\"cus_1\"", b"}"], 0);
        assert_eq!(lengths, [0, 6, 6, 13, 14]);
        assert_eq!(body, &b"{\"id\":\"cus_1\"}"[..]);
    }

    #[test]
    fn no_chunk_is_an_empty_body() {
        assert!(read(&[], 64).1.is_empty());
    }
}
