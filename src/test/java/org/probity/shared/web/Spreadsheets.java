package org.probity.shared.web;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads back the spreadsheets the export writes, cell by cell with the kind the file
 * gives each cell (string, number or formula), with the JDK alone: XLSX from its sheet
 * XML and shared strings, ODS from its {@code content.xml}.
 */
public final class Spreadsheets {

	/** A cell as the file holds it. */
	public record Cell(Kind kind, String text) {
	}

	public enum Kind {

		STRING, NUMBER, FORMULA, OTHER

	}

	private Spreadsheets() {
	}

	/** Each sheet's rows of cells, by sheet name, in workbook order. */
	public static Map<String, List<List<Cell>>> xlsx(byte[] bytes) {
		Map<String, byte[]> files = unzip(bytes);
		List<String> shared = new ArrayList<>();
		if (files.containsKey("xl/sharedStrings.xml")) {
			NodeList items = parse(files.get("xl/sharedStrings.xml")).getElementsByTagName("si");
			for (int i = 0; i < items.getLength(); i++) {
				shared.add(items.item(i).getTextContent());
			}
		}
		Map<String, String> targets = new HashMap<>();
		NodeList rels = parse(files.get("xl/_rels/workbook.xml.rels")).getElementsByTagName("Relationship");
		for (int i = 0; i < rels.getLength(); i++) {
			Element rel = (Element) rels.item(i);
			String target = rel.getAttribute("Target").replaceFirst("^/?(xl/)?", "");
			targets.put(rel.getAttribute("Id"), "xl/" + target);
		}
		Map<String, List<List<Cell>>> sheets = new LinkedHashMap<>();
		NodeList declared = parse(files.get("xl/workbook.xml")).getElementsByTagName("sheet");
		for (int s = 0; s < declared.getLength(); s++) {
			Element sheet = (Element) declared.item(s);
			String target = targets.get(sheet.getAttribute("r:id"));
			List<List<Cell>> rows = new ArrayList<>();
			NodeList rowNodes = parse(files.get(target)).getElementsByTagName("row");
			for (int r = 0; r < rowNodes.getLength(); r++) {
				List<Cell> cells = new ArrayList<>();
				NodeList cellNodes = ((Element) rowNodes.item(r)).getElementsByTagName("c");
				for (int c = 0; c < cellNodes.getLength(); c++) {
					Element cell = (Element) cellNodes.item(c);
					int column = column(cell.getAttribute("r"));
					while (cells.size() < column) {
						cells.add(null);
					}
					cells.add(xlsxCell(cell, shared));
				}
				rows.add(cells);
			}
			sheets.put(sheet.getAttribute("name"), rows);
		}
		return sheets;
	}

	/** Each table's rows of cells, by table name, in document order. */
	public static Map<String, List<List<Cell>>> ods(byte[] bytes) {
		Map<String, byte[]> files = unzip(bytes);
		if (!"application/vnd.oasis.opendocument.spreadsheet".equals(new String(files.get("mimetype")))) {
			throw new IllegalStateException("Not an OpenDocument spreadsheet");
		}
		Map<String, List<List<Cell>>> sheets = new LinkedHashMap<>();
		NodeList tables = parse(files.get("content.xml")).getElementsByTagName("table:table");
		for (int t = 0; t < tables.getLength(); t++) {
			Element table = (Element) tables.item(t);
			List<List<Cell>> rows = new ArrayList<>();
			NodeList rowNodes = table.getElementsByTagName("table:table-row");
			for (int r = 0; r < rowNodes.getLength(); r++) {
				List<Cell> cells = new ArrayList<>();
				NodeList cellNodes = ((Element) rowNodes.item(r)).getElementsByTagName("table:table-cell");
				for (int c = 0; c < cellNodes.getLength(); c++) {
					Element cell = (Element) cellNodes.item(c);
					String type = cell.getAttribute("office:value-type");
					if (cell.hasAttribute("table:formula")) {
						cells.add(new Cell(Kind.FORMULA, cell.getAttribute("table:formula")));
					}
					else if ("string".equals(type)) {
						cells.add(new Cell(Kind.STRING, cell.getTextContent()));
					}
					else if ("float".equals(type)) {
						cells.add(new Cell(Kind.NUMBER, cell.getAttribute("office:value")));
					}
					else {
						cells.add(null);
					}
				}
				rows.add(cells);
			}
			sheets.put(table.getAttribute("table:name"), rows);
		}
		return sheets;
	}

	private static Cell xlsxCell(Element cell, List<String> shared) {
		if (cell.getElementsByTagName("f").getLength() > 0) {
			return new Cell(Kind.FORMULA, cell.getElementsByTagName("f").item(0).getTextContent());
		}
		String type = cell.getAttribute("t");
		Node value = cell.getElementsByTagName("v").item(0);
		return switch (type) {
			case "s" -> new Cell(Kind.STRING, shared.get(Integer.parseInt(value.getTextContent())));
			case "inlineStr", "str" -> new Cell(Kind.STRING, cell.getTextContent());
			case "", "n" -> (value != null) ? new Cell(Kind.NUMBER, value.getTextContent()) : null;
			default -> new Cell(Kind.OTHER, cell.getTextContent());
		};
	}

	private static int column(String reference) {
		int column = 0;
		for (char ch : reference.toCharArray()) {
			if (!Character.isLetter(ch)) {
				break;
			}
			column = column * 26 + (ch - 'A' + 1);
		}
		return column - 1;
	}

	/**
	 * Through a file: fastexcel's entries give their sizes after the data, as zip allows.
	 */
	private static Map<String, byte[]> unzip(byte[] bytes) {
		Map<String, byte[]> files = new LinkedHashMap<>();
		try {
			Path file = Files.createTempFile("spreadsheet", ".zip");
			try {
				Files.write(file, bytes);
				try (ZipFile zip = new ZipFile(file.toFile())) {
					for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
						files.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
					}
				}
			}
			finally {
				Files.delete(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return files;
	}

	private static Document parse(byte[] xml) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
		}
		catch (Exception ex) {
			throw new IllegalStateException("Not well-formed XML in the spreadsheet", ex);
		}
	}

}
