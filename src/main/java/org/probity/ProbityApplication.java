package org.probity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Probity: quality assurance and performance management for probation providers. Each
 * sub-package is a Spring Modulith module owning one capability.
 */
@SpringBootApplication
@EnableScheduling
public class ProbityApplication {

	public static void main(String[] args) {
		SpringApplication.run(ProbityApplication.class, args);
	}

}
