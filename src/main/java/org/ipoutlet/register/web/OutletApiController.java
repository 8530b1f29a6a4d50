package org.ipoutlet.register.web;

import java.util.List;

import org.ipoutlet.identity.Recommenders;
import org.ipoutlet.register.FilingRecordQuery;
import org.ipoutlet.register.OutletChanges;
import org.ipoutlet.register.OutletRepository;
import org.ipoutlet.register.RegisterQuery;
import org.ipoutlet.web.NotFoundException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The public register (Art. 8) as JSON: no login needed. */
@RestController
@RequestMapping("/api/outlets")
@Tag(name = "register", description = "网点名录: the public register of filed outlets (Art. 8)")
@SecurityRequirements
class OutletApiController {

	private final RegisterQuery register;
	private final OutletRepository outlets;
	private final Recommenders recommenders;
	private final FilingRecordQuery filingRecord;
	private final OutletChanges changes;

	OutletApiController(RegisterQuery register, OutletRepository outlets, Recommenders recommenders,
			FilingRecordQuery filingRecord, OutletChanges changes) {
		this.changes = changes;
		this.register = register;
		this.outlets = outlets;
		this.recommenders = recommenders;
		this.filingRecord = filingRecord;
	}

	@GetMapping
	@ApiResponse(responseCode = "200", description = "One page of outlets")
	@ApiResponse(responseCode = "400", description = "A parameter breaks a rule; errors[] names it",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@Operation(summary = "List filed outlets",
			description = "Filed outlets with their basic information and service items, paged and sorted. "
					+ "By default only outlets holding a valid filing (FILED, RECTIFYING).")
	OutletPage list(@Parameter(description = "GB/T 2260 provincial code, e.g. 310000") @RequestParam(required = false) String province,
			@Parameter(description = "Organisation category code, e.g. UNIVERSITY") @RequestParam(required = false) String category,
			@Parameter(description = "ALL, or one or more of FILED, RECTIFYING, EXPIRED, REVOKED, CANCELLED (comma-separated); default FILED,RECTIFYING") @RequestParam(required = false) String status,
			@Parameter(description = "Text in name, address or service targets") @RequestParam(required = false) String q,
			@Parameter(description = "Page number, from 0") @RequestParam(required = false) Integer page,
			@Parameter(description = "Page size, 1 to 100 (default 20)") @RequestParam(required = false) Integer size,
			@Parameter(description = "filingNo, orgName, validUntil or province") @RequestParam(required = false) String sort,
			@Parameter(description = "asc or desc") @RequestParam(required = false) String dir) {
		OutletSearch search = OutletSearch.parse(province, category, status, q, page, size, sort, dir, recommenders);
		RegisterQuery.Result result = register.search(search.criteria(), search.page(), search.size(), search.sort(),
				search.descending());
		return new OutletPage(result.items().stream().map(o -> OutletView.of(o, recommenders.provinces())).toList(),
				result.page(), result.size(), result.totalItems(), result.totalPages());
	}

	@GetMapping("/{filingNo}")
	@ApiResponse(responseCode = "200", description = "The outlet")
	@ApiResponse(responseCode = "404", description = "No outlet with this filing number",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@Operation(summary = "One filed outlet, whatever its status",
			description = "With filingRecord: sections 六, 七 and 八 of its 备案表 (decision, opinion, date), 八 being "
					+ "CNIPA's final decision; with changeHistory: every earlier value of its name, address, province, "
					+ "phone, e-mail and service items and the change date (Art. 10; the register changes when CNIPA "
					+ "records a change report). statusLabel 续期审核中: a renewal applied for in time is under review.")
	OutletView get(@PathVariable String filingNo) {
		return outlets.find(filingNo)
			.map(o -> OutletView.of(o, recommenders.provinces(), filingRecord.sections(o.applicationNo()),
					changes.of(o.filingNo())))
			.orElseThrow(() -> new NotFoundException("No outlet with filing number " + filingNo));
	}

	record OutletPage(List<OutletView> items, int page, int size, long totalItems, int totalPages) {
	}

}
