package org.probity.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The demo provider's organisation tree and staff, with the quality of each team and
 * practitioner that the case histories are drawn from: most teams sound, a few clearly
 * weaker, and a handful of practitioners with sustained problems.
 */
final class Estate {

	/** Risk multiplier of a weaker team on every late or missed step. */
	static final double WEAK_TEAM_RISK = 3.2;

	/** Risk multiplier of a practitioner with sustained problems. */
	static final double PROBLEM_PRACTITIONER_RISK = 3.5;

	private static final String[] REGIONS = { "Weald", "Downs", "Coast", "Marches", "Vale", "Fens", "Moors", "Dales",
			"Peaks", "Forest", "Broads", "Wolds", "Levels", "Chase", "Heath", "Borders" };

	private static final String[] TOWNS = { "Maidstone", "Ashford", "Canterbury", "Dover", "Folkestone", "Margate",
			"Chatham", "Sittingbourne", "Tonbridge", "Sevenoaks", "Guildford", "Woking", "Redhill", "Staines",
			"Crawley", "Horsham", "Worthing", "Brighton", "Hastings", "Eastbourne", "Lewes", "Chichester", "Bognor",
			"Basingstoke", "Reading", "Slough", "Oxford", "Banbury", "Swindon", "Salisbury", "Bath", "Taunton",
			"Exeter", "Plymouth", "Truro", "Yeovil", "Gloucester", "Hereford", "Worcester", "Shrewsbury", "Telford",
			"Stafford", "Derby", "Lincoln", "Boston", "Grantham", "Peterborough", "Norwich", "Ipswich", "Colchester",
			"Chelmsford", "Luton", "Bedford", "Northampton", "Leicester", "Nottingham", "Mansfield", "Doncaster",
			"Barnsley", "Wakefield", "Harrogate", "Darlington", "Carlisle", "Kendal" };

	private static final String[] TEAM_SUFFIXES = { "Central", "North", "South", "Courts", "East", "West", "Town",
			"Resettlement" };

	record Unit(String code, String name, String type, String parentCode) {
	}

	static final class Team {

		final int index;

		final String code;

		final String name;

		final Unit ldu;

		final boolean weak;

		final double risk;

		/** Relative share of the provider's cases: teams differ in size. */
		final double weight;

		final List<Staff> practitioners = new ArrayList<>();

		Staff manager;

		Staff unpaidWorkSupervisor;

		Staff programmeFacilitator;

		Team(int index, String code, String name, Unit ldu, boolean weak, double weight) {
			this.index = index;
			this.code = code;
			this.name = name;
			this.ldu = ldu;
			this.weak = weak;
			this.risk = weak ? WEAK_TEAM_RISK : 1.0;
			this.weight = weight;
		}

	}

	static final class Staff {

		final String code;

		final String forename;

		final String surname;

		final String grade;

		final Team team;

		final LocalDate startDate;

		final LocalDate endDate;

		final boolean problem;

		final double risk;

		Staff(String code, String forename, String surname, String grade, Team team, LocalDate startDate,
				LocalDate endDate, boolean problem, double risk) {
			this.code = code;
			this.forename = forename;
			this.surname = surname;
			this.grade = grade;
			this.team = team;
			this.startDate = startDate;
			this.endDate = endDate;
			this.problem = problem;
			this.risk = risk;
		}

		boolean availableFor(LocalDate from, LocalDate to) {
			return !this.startDate.isAfter(from) && (this.endDate == null || !this.endDate.isBefore(to));
		}

	}

	final Unit provider;

	final List<Unit> regions = new ArrayList<>();

	final List<Unit> ldus = new ArrayList<>();

	final List<Team> teams = new ArrayList<>();

	final List<Staff> staff = new ArrayList<>();

	private final double[] cumulativeWeight;

	Estate(DemoProvider.Parameters parameters) {
		SplittableRandom rng = new SplittableRandom(parameters.seed() * 0x9E3779B97F4A7C15L + 17);
		String p = parameters.providerCode();
		LocalDate windowStart = parameters.windowStart();
		this.provider = new Unit(p, parameters.providerName(), "PROVIDER", null);
		int regionDigits = digits(parameters.regions());
		for (int r = 0; r < parameters.regions(); r++) {
			this.regions.add(new Unit(p + "R" + pad(r + 1, regionDigits), REGIONS[r % REGIONS.length]
					+ ((r >= REGIONS.length) ? " " + (r / REGIONS.length + 1) : "") + " Region", "REGION", p));
		}
		for (int l = 0; l < parameters.ldus(); l++) {
			Unit region = this.regions.get(l * parameters.regions() / parameters.ldus());
			String town = TOWNS[l % TOWNS.length] + ((l >= TOWNS.length) ? " " + (l / TOWNS.length + 1) : "");
			// Local delivery units are named after their towns, some after two of them.
			String name = (l % 3 == 1) ? town + ", " + TOWNS[(l + 7) % TOWNS.length] + " and District" : town;
			this.ldus.add(new Unit(p + "LDU" + (l + 1), name, "LDU", region.code()));
		}
		int teamDigits = Math.max(2, digits(parameters.teams()));
		int weakTeams = Math.max(2, (int) Math.round(parameters.teams() * 0.11));
		List<Integer> weak = new ArrayList<>();
		while (weak.size() < Math.min(weakTeams, parameters.teams())) {
			int candidate = rng.nextInt(parameters.teams());
			if (!weak.contains(candidate)) {
				weak.add(candidate);
			}
		}
		int[] perLdu = new int[parameters.ldus()];
		for (int t = 0; t < parameters.teams(); t++) {
			int l = t * parameters.ldus() / parameters.teams();
			Unit ldu = this.ldus.get(l);
			String town = TOWNS[l % TOWNS.length];
			String name = town + " " + TEAM_SUFFIXES[perLdu[l]++ % TEAM_SUFFIXES.length];
			this.teams.add(new Team(t, p + "T" + pad(t + 1, teamDigits), name, ldu, weak.contains(t),
					0.7 + rng.nextDouble() * 0.6));
		}
		this.cumulativeWeight = new double[this.teams.size()];
		double sum = 0;
		for (Team team : this.teams) {
			sum += team.weight;
			this.cumulativeWeight[team.index] = sum;
		}

		// Staff: an SPO line-manages each team of probation officers and PSOs; QDOs sit
		// in
		// the first team of each LDU and an ACO in the first team of each region.
		for (Team team : this.teams) {
			team.manager = newStaff(rng, p, "SPO", team, windowStart, false);
			int officers = 3 + rng.nextInt(3);
			int pso = 2 + rng.nextInt(3);
			for (int i = 0; i < officers + pso; i++) {
				String grade = (i < officers) ? "PO" : "PSO";
				boolean problem = rng.nextDouble() < 0.045;
				Staff s = newStaff(rng, p, grade, team, windowStart, problem);
				team.practitioners.add(s);
				// Sessions run by someone in post throughout the data.
				boolean throughout = s.endDate == null && s.startDate.isBefore(windowStart.minusMonths(9));
				if (team.unpaidWorkSupervisor == null && "PSO".equals(grade) && throughout) {
					team.unpaidWorkSupervisor = s;
				}
				if (team.programmeFacilitator == null && "PO".equals(grade) && throughout) {
					team.programmeFacilitator = s;
				}
			}
			if (team.unpaidWorkSupervisor == null) {
				team.unpaidWorkSupervisor = team.manager;
			}
			if (team.programmeFacilitator == null) {
				team.programmeFacilitator = team.manager;
			}
		}
		for (Unit ldu : this.ldus) {
			newStaff(rng, p, "QDO", firstTeamOf(ldu.code(), null), windowStart, false);
		}
		for (Unit region : this.regions) {
			Team first = firstTeamOf(null, region.code());
			if (first != null) {
				newStaff(rng, p, "ACO", first, windowStart, false);
			}
		}
	}

	Team pickTeam(SplittableRandom rng) {
		double x = rng.nextDouble() * this.cumulativeWeight[this.cumulativeWeight.length - 1];
		int lo = 0;
		int hi = this.cumulativeWeight.length - 1;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (this.cumulativeWeight[mid] < x) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return this.teams.get(lo);
	}

	/**
	 * The responsible officer for a case held from {@code from} to {@code to}: someone in
	 * the team who was in post throughout, occasionally an officer of a neighbouring
	 * team.
	 */
	Staff responsibleOfficer(SplittableRandom rng, Team team, LocalDate from, LocalDate to) {
		Team holder = team;
		if (rng.nextDouble() < 0.02) {
			Team other = this.teams.get(Math.floorMod(team.index + (rng.nextBoolean() ? 1 : -1), this.teams.size()));
			if (other.ldu.equals(team.ldu)) {
				holder = other;
			}
		}
		int n = holder.practitioners.size();
		int first = rng.nextInt(n);
		for (int i = 0; i < n; i++) {
			Staff s = holder.practitioners.get((first + i) % n);
			if (s.availableFor(from, to)) {
				return s;
			}
		}
		return holder.manager;
	}

	private Staff newStaff(SplittableRandom rng, String providerCode, String grade, Team team, LocalDate windowStart,
			boolean problem) {
		int n = this.staff.size();
		String code = providerCode + (char) ('A' + n / 1000) + pad(n % 1000, 3);
		boolean female = rng.nextDouble() < 0.68;
		String ethnicity = (rng.nextDouble() < 0.85) ? "WHITE" : (rng.nextBoolean() ? "BLACK" : "ASIAN");
		LocalDate start = windowStart.minusDays(300 + rng.nextInt(6000));
		LocalDate end = null;
		boolean practitioner = "PO".equals(grade) || "PSO".equals(grade);
		double turnover = rng.nextDouble();
		if (practitioner && turnover < 0.08) {
			// joined during the two years of data
			start = windowStart.plusDays(30 + rng.nextInt(500));
		}
		else if (practitioner && turnover < 0.14) {
			// left during the two years of data
			end = windowStart.plusDays(60 + rng.nextInt(560));
		}
		double risk = problem ? PROBLEM_PRACTITIONER_RISK : 0.7 + rng.nextDouble() * 0.6;
		Staff s = new Staff(code, Names.forename(rng, female, ethnicity), Names.surname(rng, ethnicity), grade, team,
				start, end, problem, risk);
		this.staff.add(s);
		return s;
	}

	private Team firstTeamOf(String lduCode, String regionCode) {
		for (Team team : this.teams) {
			if (lduCode != null && team.ldu.code().equals(lduCode)) {
				return team;
			}
			if (regionCode != null && team.ldu.parentCode().equals(regionCode)) {
				return team;
			}
		}
		return null;
	}

	List<Unit> units() {
		List<Unit> all = new ArrayList<>();
		all.add(this.provider);
		all.addAll(this.regions);
		all.addAll(this.ldus);
		for (Team team : this.teams) {
			all.add(new Unit(team.code, team.name, "TEAM", team.ldu.code()));
		}
		return all;
	}

	static String pad(int value, int width) {
		String s = Integer.toString(value);
		return (s.length() >= width) ? s : "0".repeat(width - s.length()) + s;
	}

	private static int digits(int n) {
		return Integer.toString(n).length();
	}

}
