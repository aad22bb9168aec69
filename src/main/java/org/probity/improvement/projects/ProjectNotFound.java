package org.probity.improvement.projects;

import org.springframework.http.HttpStatus;

import org.probity.shared.web.Refused;

/** No such project, or one whose unit the user may not see: 404. */
public class ProjectNotFound extends Refused {

	public ProjectNotFound(long id) {
		super(HttpStatus.NOT_FOUND, "No improvement project " + id);
	}

}
