package org.probity.accounts;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class SignInPages {

	@GetMapping("/sign-in")
	@PreAuthorize("permitAll()")
	String signIn() {
		return "accounts/sign-in";
	}

}
