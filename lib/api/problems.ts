/**
 * Every refusal the collector gives has a stable number a client can act on and a Vietnamese message a
 * person can read (after ODK Central's problem.js). Numbers are HTTP status + '.' + a sequence; never reuse one.
 */
export const problems = {
  '400.1': { status: 400, vi: 'Dữ liệu gửi lên không phải JSON hợp lệ.', en: 'The request body is not valid JSON.' },
  '400.2': { status: 400, vi: 'Thiếu hoặc sai trường dữ liệu.', en: 'A field is missing or invalid.' },
  '400.3': { status: 400, vi: 'Dữ liệu gửi lên lồng nhau quá nhiều tầng.', en: 'The request body is nested too deeply.' },
  '400.4': { status: 400, vi: 'Đường dẫn không hợp lệ (mã hóa ký tự sai).', en: 'Malformed URL encoding.' },
  '401.1': { status: 401, vi: 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn. Xin đăng nhập lại.', en: 'Missing, expired or revoked token. Sign in again.' },
  '401.2': { status: 401, vi: 'Sai tên đăng nhập hoặc mật khẩu.', en: 'Wrong username or password.' },
  '403.1': { status: 403, vi: 'Tài khoản này không có quyền làm việc này.', en: 'This account may not do this.' },
  '404.1': { status: 404, vi: 'Không tìm thấy.', en: 'Not found.' },
  '409.1': { status: 409, vi: 'Mã gửi này đã được dùng cho một nội dung khác.', en: 'This client id was already used for different content.' },
  '429.1': { status: 429, vi: 'Thử quá nhiều lần. Xin đợi một lúc rồi thử lại.', en: 'Too many attempts. Wait and try again.' },
  '413.1': { status: 413, vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request body is too large.' },
  '500.1': { status: 500, vi: 'Máy chủ gặp lỗi. Dữ liệu của bạn vẫn được giữ lại, xin thử lại sau.', en: 'Server error. Your data is kept; try again later.' },
  '400.50': { status: 400, vi: 'Số điện thoại không hợp lệ.', en: 'Invalid Vietnamese mobile number.' },
  '400.51': { status: 400, vi: 'Số CCCD/CMND không hợp lệ.', en: 'Invalid citizen ID number.' },
  '400.52': { status: 400, vi: 'Thiếu thông tin bắt buộc của hộ.', en: 'A required household field is missing.' },
  '400.53': { status: 400, vi: 'Chưa có sự đồng ý (đánh dấu và chữ ký) của hộ.', en: 'The household has not consented.' },
  '400.54': { status: 400, vi: 'Không đọc được tệp kết quả bàn giao (cần XLSX hoặc CSV đúng mẫu).', en: 'Unreadable hand-over result file.' },
  '400.55': { status: 400, vi: 'Gửi quá nhiều hộ trong một lần (tối đa 100).', en: 'Too many households in one batch (max 100).' },
  '400.56': { status: 400, vi: 'Thông tin của hộ quá dài hoặc không hợp lệ.', en: 'A household field is too long or invalid.' },
  '403.50': { status: 403, vi: 'Xã này không thuộc phạm vi của máy/tài khoản này.', en: 'This commune is outside this device or account scope.' },
  '404.50': { status: 404, vi: 'Mã kích hoạt máy không đúng, đã dùng hoặc đã hết hạn. Xin cán bộ tạo mã mới.', en: 'Unknown, used or expired device code.' },
  '404.51': { status: 404, vi: 'Máy chủ chưa có hồ sơ hộ này; gửi hồ sơ trước rồi gửi ảnh.', en: 'Unknown household: send it before its photos.' },
  '409.50': { status: 409, vi: 'Số điện thoại này đã đăng ký cho một hộ khác trong xã.', en: 'This phone is already registered for another household.' },
  '409.51': { status: 409, vi: 'Số CCCD/CMND này đã đăng ký cho một hộ khác.', en: 'This ID number is already registered for another household.' },
  '413.51': { status: 413, vi: 'Tệp kết quả bàn giao có quá 5.000 dòng. Xin chia tệp theo xã rồi gửi lại.', en: 'Hand-over file has more than 5,000 rows.' },
  '413.50': { status: 413, vi: 'Ảnh quá lớn (tối đa 1,5 MB).', en: 'Photo too large (max 1.5 MB).' },
  '415.50': { status: 415, vi: 'Chỉ nhận ảnh JPEG hoặc PNG.', en: 'Only JPEG or PNG photos.' },
  '400.10': { status: 400, vi: 'Đơn hàng có trường dữ liệu thiếu hoặc không hợp lệ.', en: 'An order field is missing or invalid.' },
  '400.11': { status: 400, vi: 'Ngày đặt hàng nằm ngoài thời gian của đợt vận động.', en: 'The order date is outside every campaign period.' },
  '400.12': { status: 400, vi: 'Mỗi lần gửi tối đa 100 đơn hàng.', en: 'At most 100 orders per request.' },
  '400.13': { status: 400, vi: 'Bộ quy tắc đọc trang không đúng cấu trúc.', en: 'The adapter rules are not structured correctly.' },
  '400.14': { status: 400, vi: 'Báo cáo trang lỗi không hợp lệ hoặc quá lớn.', en: 'The page report is invalid or too large.' },
  '404.10': { status: 404, vi: 'Mã đăng ký không đúng, đã hết hạn hoặc đã bị thu hồi. Xin hỏi lại cán bộ đầu mối của cơ quan.', en: 'Unknown, expired or revoked enrolment code. Ask your agency focal point.' },
  '404.11': { status: 404, vi: 'Chưa có bộ quy tắc đọc trang nào được tải lên; dùng bộ quy tắc đi kèm tiện ích.', en: 'No adapter rules uploaded yet; use the bundled copy.' },
  '404.12': { status: 404, vi: 'Không tìm thấy đơn hàng này.', en: 'No such order.' },
  '409.10': { status: 409, vi: 'Mã đăng ký này đã được dùng hết số lượt. Xin cán bộ đầu mối cấp mã mới.', en: 'This enrolment code has been used up. Ask for a new one.' },
  '403.10': { status: 403, vi: 'Cơ quan không tính đơn hàng này.', en: 'Your agency did not count this order.' },
  '409.11': { status: 409, vi: 'Tên đăng nhập này đã có người dùng.', en: 'This username is taken.' },
  '401.3': { status: 401, vi: 'Quyền truy cập của máy này đã bị thu hồi. Xin cán bộ phụ trách kích hoạt lại.', en: 'This device or person has been revoked.' },
  '403.11': { status: 403, vi: 'Cơ quan đã thu hồi quyền gửi đơn của người dùng này. Xin liên hệ cán bộ đầu mối.', en: 'Your agency revoked this person.' },
  '403.12': { status: 403, vi: 'Cơ quan này đã ngừng tham gia; máy chủ không nhận thêm dữ liệu mới.', en: 'This agency is inactive and accepts nothing new.' },
  '409.12': { status: 409, vi: 'Đã có đợt vận động với mã này.', en: 'A campaign period with this id exists.' },
  // The collector's own checks of an order (server/staff/check-order.ts). 400.x refuse it; 409.13 and 422.10–11
  // hold it for the agency's review (not counted until then); 422.12 is a note: the item counts as the server says.
  '400.15': { status: 400, vi: 'Ngày đặt hàng sau ngày hôm nay. Xin sửa lại ngày đặt hàng đúng như trên trang của sàn.', en: 'The order date is later than today (Vietnam time).' },
  '409.13': { status: 409, vi: 'Đơn hàng này cũng được người khác (hoặc chính bạn, ở một lần gửi khác) khai báo; cơ quan sẽ xem xét trước khi tính.', en: 'This marketplace order was claimed more than once; held for review.' },
  '422.10': { status: 422, vi: 'Tổng tiền của đơn không khớp với tiền hàng cộng phí vận chuyển trừ giảm giá; cơ quan sẽ xem xét trước khi tính.', en: 'The order total differs from items + shipping − discount; held for review.' },
  '422.11': { status: 422, vi: 'Số đơn hoặc số tiền của bạn trong đợt vượt ngưỡng Sở TT&TT đặt ra; các đơn của bạn chờ cơ quan xem xét trước khi tính.', en: 'Above the period plausibility limits; held for review.' },
  '422.12': { status: 422, vi: 'Máy chủ phân loại sản phẩm khác với tiện ích; số liệu tính theo máy chủ, cơ quan có thể sửa.', en: 'The server classified an item differently; its verdict counts until the agency overrides it.' },
  '404.13': { status: 404, vi: 'Không tìm thấy sản phẩm này trong đơn hàng.', en: 'No such item in this order.' },
  '409.14': { status: 409, vi: 'Sở TT&TT đã khóa tổng số CB, CC, VC, NLĐ của cơ quan; muốn sửa, xin liên hệ Sở.', en: 'The province locked this headcount.' },
  // An agency's sub-units (đơn vị trực thuộc, server/staff/agency-units.ts).
  '409.20': { status: 409, vi: 'Cơ quan đã có đơn vị trực thuộc mang tên này.', en: 'The agency already has a sub-unit with this name.' },
  '409.21': { status: 409, vi: 'Đơn vị trực thuộc này đã có người đăng ký nên không xóa được; có thể ngừng hoạt động đơn vị.', en: 'This sub-unit has people enrolled: deactivate it instead of deleting it.' },
  '409.22': { status: 409, vi: 'Đơn vị trực thuộc này đã ngừng hoạt động; bật lại đơn vị trước khi cấp mã.', en: 'This sub-unit is inactive: reactivate it before issuing codes.' },
  // The marketplaces' own volume (server/api/province/marketplace-volume.ts).
  '409.70': { status: 409, vi: 'Sàn này đã có số liệu cho một hoặc nhiều ngày trong khoảng này; sửa hoặc xóa dòng đó trước để không tính hai lần.', en: 'This marketplace already has a volume report covering some of these days.' },
  '404.70': { status: 404, vi: 'Không tìm thấy dòng số liệu khối lượng này (có thể đã bị xóa).', en: 'No such marketplace volume report.' },
  // The operators' lists and progress from every channel (server/channels/). 400.60–66 are a row's problems in an
  // import preview; 400.61–62 are notes (the row counts, unmatched on that number), the others keep the row out.
  '400.60': { status: 400, vi: 'Không có xã này trong danh mục của tỉnh.', en: 'Unknown commune.' },
  '400.61': { status: 400, vi: 'Số điện thoại không hợp lệ; dòng vẫn được nhận nhưng không đối chiếu theo số này.', en: 'Invalid phone; the row is kept, unmatched on it.' },
  '400.62': { status: 400, vi: 'Số CCCD/CMND không hợp lệ; dòng vẫn được nhận nhưng không đối chiếu theo số này.', en: 'Invalid ID number; the row is kept, unmatched on it.' },
  '400.63': { status: 400, vi: 'Thiếu họ tên chủ hộ.', en: 'Missing household head name.' },
  '400.64': { status: 400, vi: 'Dòng trùng với một dòng trước trong tệp.', en: 'Duplicate of an earlier row of the file.' },
  '400.65': { status: 400, vi: 'Số sản phẩm cần là số nguyên không âm.', en: 'Products listed must be a whole number.' },
  '400.66': { status: 400, vi: 'Có nhiều xã, phường, thị trấn cùng tên; cần ghi rõ loại hoặc thêm cột huyện.', en: 'Several communes share this name; give its kind or a district column.' },
  '400.67': { status: 400, vi: 'Không đọc được tệp danh sách (cần XLSX hoặc CSV có dòng tiêu đề).', en: 'Unreadable operator list (XLSX or CSV with a header row).' },
  '400.68': { status: 400, vi: 'Chưa chọn cột xã và cột họ tên chủ hộ cho danh sách của sàn này.', en: 'The commune and head-name columns are not chosen for this operator.' },
  '403.60': { status: 403, vi: 'Xã, huyện này không thuộc huyện của tài khoản.', en: 'Outside this account\'s district.' },
  '404.60': { status: 404, vi: 'Không có huyện hoặc giai đoạn này.', en: 'No such district or phase.' },
  '413.60': { status: 413, vi: 'Tệp danh sách có quá 100.000 dòng. Xin chia tệp theo huyện rồi gửi lại.', en: 'Operator list has more than 100,000 rows.' },
  '413.61': { status: 413, vi: 'Tệp danh sách quá lớn (tối đa 32 MB).', en: 'Operator list too large (max 32 MB).' },
  // Leading accounts ("tài khoản đầu tàu", issue 13): 400.80–81, 404.80, 409.80.
  '400.80': { status: 400, vi: 'Tài khoản đầu tàu đã chọn không có trong danh sách của xã này. Xin đồng bộ lại rồi chọn lại người hướng dẫn hộ.', en: 'The leading account is unknown or of another commune.' },
  '400.81': { status: 400, vi: 'Đường dẫn cửa hàng phải là một trang trên langson.voso.vn hoặc langson.postmart.vn.', en: 'The shop link is not a langson.voso.vn or langson.postmart.vn page.' },
  '404.80': { status: 404, vi: 'Không tìm thấy tài khoản đầu tàu này.', en: 'No such leading account.' },
  '409.80': { status: 409, vi: 'Cửa hàng này đã được chọn làm tài khoản đầu tàu (chưa thôi).', en: 'This shop is already an active leading account.' },
} as const;

export type ProblemCode = keyof typeof problems;

/** The JSON body of every refusal. `field` names the offending field where there is one. */
export interface ProblemBody {
  error: { code: ProblemCode; message: string; messageEn: string; field?: string; detail?: string };
}

export function problemBody(code: ProblemCode, extra: { field?: string; detail?: string } = {}): ProblemBody {
  const p = problems[code];
  return { error: { code, message: p.vi, messageEn: p.en, ...extra } };
}
