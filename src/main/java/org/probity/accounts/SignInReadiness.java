package org.probity.accounts;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/**
 * Whether sign-in is open yet. A module that creates accounts while the server is already
 * listening (the demo loader on a first start) holds sign-in until it is done: meanwhile
 * the sign-in page answers 503 and says why, and no attempt is counted as a failure (the
 * accounts do not exist yet).
 */
@Component
public class SignInReadiness {

	private final AtomicReference<String> waitingFor = new AtomicReference<>();

	/**
	 * Holds sign-in until {@link #ready()}.
	 * @param reason what people are told, as a sentence ("The demo provider is still
	 * loading.")
	 */
	public void holdUntilReady(String reason) {
		this.waitingFor.set(reason);
	}

	/** Opens sign-in. */
	public void ready() {
		this.waitingFor.set(null);
	}

	/** Why sign-in is not open yet, or empty once it is. */
	public Optional<String> waitingFor() {
		return Optional.ofNullable(this.waitingFor.get());
	}

}
