package org.probity.feedback;

import io.nayuki.qrcodegen.QrCode;

/** A round's public link as a QR code to print, drawn as SVG (scales to any size). */
final class RoundQrCode {

	private RoundQrCode() {
	}

	static String svg(String url) {
		QrCode qr = QrCode.encodeText(url, QrCode.Ecc.MEDIUM);
		int border = 4;
		int size = qr.size + border * 2;
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < qr.size; y++) {
			for (int x = 0; x < qr.size; x++) {
				if (qr.getModule(x, y)) {
					path.append('M').append(x + border).append(',').append(y + border).append("h1v1h-1z");
				}
			}
		}
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 %d %d" stroke="none" role="img">
				<title>QR code for %s</title>
				<rect width="100%%" height="100%%" fill="#FFFFFF"/>
				<path d="%s" fill="#000000"/>
				</svg>
				""".formatted(size, size, url.replace("&", "&amp;").replace("<", "&lt;"), path);
	}

}
