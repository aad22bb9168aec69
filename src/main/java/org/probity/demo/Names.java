package org.probity.demo;

import java.util.SplittableRandom;

/**
 * Invented names for the demo provider: common first names and surnames of England and
 * Wales, loosely matched to the person's recorded ethnicity. Some carry apostrophes or
 * hyphens, as real extracts do.
 */
final class Names {

	private static final String[] MALE_WHITE = { "James", "John", "David", "Michael", "Daniel", "Thomas", "Paul",
			"Mark", "Lee", "Craig", "Ryan", "Jamie", "Liam", "Connor", "Jordan", "Callum", "Kieran", "Wayne", "Dean",
			"Scott", "Aaron", "Luke", "Adam", "Matthew", "Steven", "Gary", "Jack", "Harry", "Sean", "Darren", "Piotr",
			"Tomasz", "Shane", "Kyle", "Reece", "Bradley", "Nathan", "Stuart", "Gareth", "Rhys" };

	private static final String[] MALE_BLACK = { "Kwame", "Tyrone", "Marcus", "Jermaine", "Andre", "Dwayne", "Emeka",
			"Kofi", "Tunde", "Delroy", "Leon", "Isaac", "Samuel", "Joshua", "Chidi", "Abdi", "Mohamed", "Yusuf" };

	private static final String[] MALE_ASIAN = { "Mohammed", "Imran", "Amir", "Hamza", "Bilal", "Arjun", "Rajesh",
			"Sunil", "Harpreet", "Gurpreet", "Kamran", "Tariq", "Zain", "Adeel", "Vikram", "Ravi", "Sanjay", "Wei" };

	private static final String[] FEMALE_WHITE = { "Sarah", "Emma", "Laura", "Rebecca", "Gemma", "Kelly", "Nicola",
			"Claire", "Lisa", "Amy", "Jade", "Chloe", "Leanne", "Stacey", "Natalie", "Hannah", "Jessica", "Samantha",
			"Danielle", "Louise", "Rachel", "Zoe", "Megan", "Aoife", "Agnieszka", "Siobhan" };

	private static final String[] FEMALE_BLACK = { "Abena", "Chantelle", "Grace", "Precious", "Blessing", "Keisha",
			"Amara", "Nia", "Fatuma", "Ruth" };

	private static final String[] FEMALE_ASIAN = { "Aisha", "Fatima", "Priya", "Sana", "Nadia", "Amrit", "Hina",
			"Parveen", "Shabana", "Mei" };

	private static final String[] SURNAME_WHITE = { "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans",
			"Wilson", "Thomas", "Johnson", "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards",
			"Hughes", "Green", "Hall", "Lewis", "Harris", "Clarke", "Patterson", "Jackson", "Wood", "Turner", "Martin",
			"Cooper", "Hill", "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker", "Harrison", "Morgan", "Allen",
			"James", "Scott", "Phillips", "Watson", "Davis", "Parker", "Price", "Bennett", "Young", "Griffiths",
			"Mitchell", "Kelly", "Cook", "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy",
			"O'Brien", "O'Connor", "O'Neill", "McCarthy", "Doherty", "Nowak", "Kowalski", "Wisniewski", "Smith-Jones",
			"Ashdown", "Penfold", "Fairweather", "Hollingsworth", "D'Souza" };

	private static final String[] SURNAME_BLACK = { "Campbell", "Francis", "Brown", "Williams", "Okafor", "Mensah",
			"Adeyemi", "Boateng", "Okoro", "Asante", "Johnson", "Grant", "Henry", "Thomas", "Mohamed", "Abdullahi",
			"Osei", "Clarke" };

	private static final String[] SURNAME_ASIAN = { "Khan", "Ali", "Ahmed", "Hussain", "Patel", "Singh", "Begum",
			"Shah", "Iqbal", "Chowdhury", "Rahman", "Kaur", "Sharma", "Mahmood", "Akhtar", "Islam", "Chen", "Nguyen" };

	private Names() {
	}

	static String forename(SplittableRandom rng, boolean female, String ethnicity) {
		String[] names = switch (ethnicity) {
			case "BLACK" -> pick(rng, female ? FEMALE_BLACK : MALE_BLACK, female ? FEMALE_WHITE : MALE_WHITE, 0.8);
			case "ASIAN" -> pick(rng, female ? FEMALE_ASIAN : MALE_ASIAN, female ? FEMALE_WHITE : MALE_WHITE, 0.85);
			case "MIXED" -> pick(rng, female ? FEMALE_BLACK : MALE_BLACK, female ? FEMALE_WHITE : MALE_WHITE, 0.3);
			default -> pick(rng, female ? FEMALE_ASIAN : MALE_ASIAN, female ? FEMALE_WHITE : MALE_WHITE, 0.03);
		};
		return names[rng.nextInt(names.length)];
	}

	static String surname(SplittableRandom rng, String ethnicity) {
		String[] names = switch (ethnicity) {
			case "BLACK" -> pick(rng, SURNAME_BLACK, SURNAME_WHITE, 0.7);
			case "ASIAN" -> pick(rng, SURNAME_ASIAN, SURNAME_WHITE, 0.9);
			case "MIXED" -> pick(rng, SURNAME_BLACK, SURNAME_WHITE, 0.35);
			case "OTHER" -> pick(rng, SURNAME_ASIAN, SURNAME_WHITE, 0.5);
			default -> SURNAME_WHITE;
		};
		return names[rng.nextInt(names.length)];
	}

	private static String[] pick(SplittableRandom rng, String[] first, String[] otherwise, double chance) {
		return (rng.nextDouble() < chance) ? first : otherwise;
	}

}
