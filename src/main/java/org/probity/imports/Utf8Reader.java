package org.probity.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 strictly while streaming: a byte sequence that is not UTF-8 becomes
 * U+FFFD and is counted, so that the import reports the rows that hold one instead of
 * silently storing mangled text. A leading byte order mark is dropped (spreadsheets write
 * one).
 */
final class Utf8Reader extends Reader {

	static final char REPLACEMENT = '\uFFFD';

	private final InputStream in;

	private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);

	private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024).flip();

	private boolean endOfInput;

	private boolean flushed;

	private boolean start = true;

	private long malformed;

	Utf8Reader(InputStream in) {
		this.in = in;
	}

	/** How many byte sequences were not UTF-8. */
	long malformed() {
		return this.malformed;
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		CharBuffer out = CharBuffer.wrap(buffer, offset, length);
		while (out.position() == offset) {
			if (this.flushed) {
				return -1;
			}
			if (!this.endOfInput && this.bytes.remaining() < 4) {
				fill();
			}
			CoderResult result = this.decoder.decode(this.bytes, out, this.endOfInput);
			if (result.isError()) {
				if (out.position() > offset) {
					break;
				}
				this.bytes.position(this.bytes.position() + result.length());
				this.malformed++;
				out.put(REPLACEMENT);
			}
			else if (result.isUnderflow() && this.endOfInput && !this.bytes.hasRemaining()) {
				this.decoder.flush(out);
				this.flushed = true;
			}
		}
		int count = out.position() - offset;
		if (this.start) {
			this.start = false;
			if (buffer[offset] == '\uFEFF') {
				System.arraycopy(buffer, offset + 1, buffer, offset, count - 1);
				count--;
				if (count == 0) {
					return read(buffer, offset, length);
				}
			}
		}
		return count;
	}

	private void fill() throws IOException {
		this.bytes.compact();
		int read;
		try {
			read = this.in.read(this.bytes.array(), this.bytes.position(), this.bytes.remaining());
		}
		catch (IOException ex) {
			throw new SourceFailure(ex);
		}
		if (read < 0) {
			this.endOfInput = true;
		}
		else {
			this.bytes.position(this.bytes.position() + read);
		}
		this.bytes.flip();
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

	/**
	 * The file could not be read (the upload broke off): not a problem of the file's
	 * content.
	 */
	static final class SourceFailure extends IOException {

		SourceFailure(IOException cause) {
			super(cause.getMessage(), cause);
		}

	}

}
