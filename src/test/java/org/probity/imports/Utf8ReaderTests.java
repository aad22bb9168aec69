package org.probity.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8ReaderTests {

	@Test
	void dropsAByteOrderMark() throws IOException {
		Utf8Reader reader = new Utf8Reader(stream("\uFEFFcrn\nX123456\n".getBytes(StandardCharsets.UTF_8)));

		assertThat(read(reader)).isEqualTo("crn\nX123456\n");
		assertThat(reader.malformed()).isZero();
	}

	@Test
	void keepsCharactersSplitAcrossReads() throws IOException {
		String text = "é".repeat(100_000) + "😀";
		InputStream oneByteAtATime = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public synchronized int read(byte[] b, int off, int len) {
				return super.read(b, off, Math.min(len, 3));
			}
		};

		Utf8Reader reader = new Utf8Reader(oneByteAtATime);

		assertThat(read(reader)).isEqualTo(text);
		assertThat(reader.malformed()).isZero();
	}

	@Test
	void marksAndCountsBytesThatAreNotUtf8() throws IOException {
		byte[] latin1 = "Amélie,Zoë\n".getBytes(StandardCharsets.ISO_8859_1);

		Utf8Reader reader = new Utf8Reader(stream(latin1));

		assertThat(read(reader)).isEqualTo("Am\uFFFDlie,Zo\uFFFD\n");
		assertThat(reader.malformed()).isEqualTo(2);
	}

	@Test
	void marksATruncatedCharacterAtTheEnd() throws IOException {
		byte[] bytes = { 'a', (byte) 0xE2, (byte) 0x82 };

		Utf8Reader reader = new Utf8Reader(stream(bytes));

		assertThat(read(reader)).startsWith("a").contains("\uFFFD");
		assertThat(reader.malformed()).isPositive();
	}

	private static InputStream stream(byte[] bytes) {
		return new ByteArrayInputStream(bytes);
	}

	private static String read(Reader reader) throws IOException {
		StringWriter out = new StringWriter();
		reader.transferTo(out);
		return out.toString();
	}

}
