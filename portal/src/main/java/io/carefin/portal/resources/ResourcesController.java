package io.carefin.portal.resources;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The training guides: how to do each of the portal's tasks, written for practice staff.
 */
@Controller
class ResourcesController {

	@GetMapping("/resources")
	String resources() {
		return "resources/resources";
	}

}
