package org.probity.improvement.projects;

/** No such project, or one whose unit the user may not see: 404. */
public class ProjectNotFound extends RuntimeException {

	public ProjectNotFound(long id) {
		super("No improvement project " + id);
	}

}
