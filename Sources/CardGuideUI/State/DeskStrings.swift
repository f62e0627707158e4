import CardGuideCore

#if canImport(Glibc)
import Glibc
#endif

/// The help desk's words in both languages: the visitor sheet and its printing, the QR
/// code screen and the bilingual view. A visitor reads these on the status line, so a
/// system error is always explained in their language, never shown bare.
extension Strings {
    // MARK: The sheet and the printer

    public func sheetSaved(_ path: String) -> String { t("须知单已保存：\(path)", "Sheet saved: \(path)") }

    public func sheetPrinted(_ path: String) -> String {
        t("须知单已送去打印（文件：\(path)）", "Sheet sent to the printer (file: \(path))")
    }

    /// The print command ended with a status other than 0; `message` is its standard error.
    public func printFailed(status: Int32, message: String, path: String) -> String {
        let said = message.isEmpty ? "" : t("，提示：\(message)", ": \(message)")
        return t(
            "打印没有成功（打印命令的退出码为 \(status)\(said)）。须知单已保存：\(path)",
            "Printing failed (the print command ended with status \(status)\(said)). "
                + "Sheet saved: \(path)"
        )
    }

    public func printKilled(signal: Int32, timedOut: Bool, path: String) -> String {
        timedOut
            ? t(
                "打印命令太久没有结束，已停止。须知单已保存：\(path)",
                "The print command took too long and was stopped. Sheet saved: \(path)")
            : t(
                "打印命令被中断（信号 \(signal)）。须知单已保存：\(path)",
                "The print command was interrupted (signal \(signal)). Sheet saved: \(path)")
    }

    public func printNotStarted(code: Int32, path: String) -> String {
        t(
            "无法启动打印命令（\(reason(code))）。须知单已保存：\(path)",
            "Could not start the print command (\(reason(code))). Sheet saved: \(path)")
    }

    public func sheetNotWritten(code: Int32, folder: String) -> String {
        t(
            "须知单没有保存：\(reason(code))（文件夹：\(folder)）。请工作人员检查 --handout-dir。",
            "The sheet was not saved: \(reason(code)) (folder: \(folder)). "
                + "Staff: check --handout-dir."
        )
    }

    // MARK: The code screen

    public func codeTitle(_ n: Int, of total: Int) -> String {
        total > 1
            ? t("官方网址 \(n)/\(total)", "Official address \(n) of \(total)")
            : t("官方网址", "Official address")
    }

    public var codeScan: String {
        t("用手机相机扫描二维码，打开这个网址：", "Scan the code with a phone camera to open:")
    }
    public var codePending: String { t("正在生成二维码...", "Making the code...") }
    public var codeUnavailable: String {
        t(
            "这台电脑不能显示二维码（没有安装 libqrencode；工作人员可运行 apt-get install libqrencode4）。请直接输入网址：",
            "This computer cannot show QR codes (libqrencode is not installed; "
                + "staff: apt-get install libqrencode4). Type the address instead:")
    }
    public var codeTooLong: String {
        t("这个网址太长，做不成二维码。请直接输入：", "This address is too long for a code. Type it instead:")
    }
    public var codeNeedsUTF8: String {
        t(
            "这个终端不是 UTF-8，画不出二维码。请直接输入网址：",
            "This terminal is not UTF-8 and cannot draw the code. Type the address:")
    }

    public func codeTooSmall(need: Size, have: Size) -> String {
        t(
            "窗口太小，放不下这个二维码：需要至少 \(need.width)x\(need.height)，现在是 \(have.width)x\(have.height)。"
                + "请放大窗口，或直接输入网址：",
            "The window is too small for this code: it needs \(need.width)x\(need.height), "
                + "this one is "
                + "\(have.width)x\(have.height). Enlarge it, or type the address:")
    }

    public var noOfficialAddress: String {
        t("这一页没有可以显示为二维码的官方网址。", "This page has no official address to show as a code.")
    }

    /// A system error in words a visitor understands.
    public func reason(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return t("没有写入权限", "no permission to write there")
        case ENOENT, ENOTDIR: return t("文件夹不存在", "the folder does not exist")
        case ENOSPC, EDQUOT: return t("磁盘已满", "the disk is full")
        case EROFS: return t("磁盘是只读的", "the disk is read-only")
        case EEXIST: return t("同名文件太多", "too many files with this name")
        case ELOOP: return t("路径是符号链接，出于安全没有使用", "the path is a symbolic link, not used for safety")
        default: return t("系统错误 \(code)", "system error \(code)")
        }
    }
}
