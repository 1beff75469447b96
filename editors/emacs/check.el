;;; check.el --- drives papernotes through Emacs's eglot, in batch  -*- lexical-binding: t -*-
;;
;;   PAPERNOTES_JAR=... PAPERNOTES_CORPUS=... PAPERNOTES_INDEX=... PAPERNOTES_NOTE=... \
;;   PAPERNOTES_RESULT=out.json emacs --batch -q -l editors/emacs/check.el
;;
;; Starts the server as the README tells Emacs users to (an `eglot-server-programs' entry for
;; `markdown-mode': scripts/papernotes of this checkout, or the `java -jar' line where the checkout
;; has no start script), opens the note, and uses eglot's own commands: hover (eldoc's function),
;; completion (the `completion-at-point' table), `eglot-rename' on the note's first heading (every
;; [[note#Heading]] in plans.md, beside the note, follows) and `eglot-code-actions' on the
;; unresolved [[Prefill tricks]] in plans.md (eglot takes no file creation from an edit, so the
;; server creates the note through its command). Saves every buffer, writes what it saw to
;; PAPERNOTES_RESULT as JSON and exits; an error is caught and written there too.

;; -q, not -Q: the site files tell package.el where the system's packages are (Debian's elpa-*).
(require 'package)
(package-initialize)
(require 'cl-lib)
(require 'json)
(require 'subr-x)
(require 'markdown-mode)
(require 'eglot)

(defvar papernotes-check-result nil "What the check saw, an alist written as JSON.")
(defvar papernotes-check-dir (file-name-directory (or load-file-name buffer-file-name)))

(defun papernotes-check-env (name)
  (let ((v (getenv name)))
    (if (or (null v) (string-empty-p v)) (error "missing environment variable %s" name) v)))

(defun papernotes-check-put (key value)
  (setq papernotes-check-result (append papernotes-check-result (list (cons key value)))))

(defun papernotes-check-wait (what seconds predicate)
  "Run the event loop until PREDICATE holds, at most SECONDS."
  (let ((deadline (+ (float-time) seconds)) value)
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.1))
    (or value (error "timed out after %ss waiting for %s" seconds what))))

(defun papernotes-check-launcher ()
  "The server command of the README's Emacs snippet, with this checkout's paths."
  (let ((script (expand-file-name "../../scripts/papernotes" papernotes-check-dir)))
    (if (file-executable-p script)
        (list script)
      (list "java" "-XX:+ExitOnOutOfMemoryError" "-jar" (papernotes-check-env "PAPERNOTES_JAR")))))

(defun papernotes-check-goto (needle offset)
  (goto-char (point-min))
  (unless (search-forward needle nil t) (error "not in %s: %s" (buffer-name) needle))
  (goto-char (+ (match-beginning 0) offset)))

(defun papernotes-check-hover ()
  "The hover at point as eldoc gets it from eglot, or nil."
  (let (got)
    (eglot-hover-eldoc-function (lambda (info &rest _) (setq got (or info ""))))
    (papernotes-check-wait "the hover" 20 (lambda () got))
    (and (not (string-empty-p got)) (substring-no-properties got))))

(defun papernotes-check-run ()
  (let* ((note (papernotes-check-env "PAPERNOTES_NOTE"))
         (folder (file-name-directory note))
         (plans (expand-file-name "plans.md" folder))
         (command (papernotes-check-launcher))
         prompts)
    (setq eglot-sync-connect 60
          eglot-connect-timeout 120)
    ;; As in the README: an entry for markdown-mode with the corpus as initialization options.
    (add-to-list 'eglot-server-programs
                 `(markdown-mode . (,@command
                                    :initializationOptions
                                    (:corpus [,(papernotes-check-env "PAPERNOTES_CORPUS")]
                                     :indexDir ,(papernotes-check-env "PAPERNOTES_INDEX")))))
    (papernotes-check-put 'launcher (mapconcat #'identity command " "))
    (find-file note)
    (papernotes-check-put 'mode (symbol-name major-mode))
    (apply #'eglot (eglot--guess-contact))
    (papernotes-check-wait "eglot to manage the note" 90 (lambda () eglot--managed-mode))

    ;; Hover on [[Prepacking]]; the index may still be building, so ask until it answers.
    (papernotes-check-goto "[[Prepacking]]" 4)
    (papernotes-check-put
     'hover (papernotes-check-wait "a hover on [[Prepacking]]" 60
                                   (lambda () (or (papernotes-check-hover) (progn (sleep-for 0.3) nil)))))

    ;; Completion: what completion-at-point offers after typing [[Prepa at the end of the note.
    (goto-char (point-max))
    (let ((start (point)))
      (insert "\nSee [[Prepa")
      (let* ((capf (eglot-completion-at-point))
             (table (nth 2 capf))
             (candidates (mapcar #'substring-no-properties (all-completions "" table))))
        (papernotes-check-put 'completion (vconcat candidates)))
      (delete-region start (point))
      ;; What eglot's idle timer does once the user pauses typing: idle timers never run in batch.
      (eglot--signal-textDocument/didChange))

    ;; Rename the note's first heading: eglot asks before it edits plans.md, which is not open;
    ;; a user answers yes.
    (papernotes-check-goto "# Long-context inference" 5)
    (cl-letf (((symbol-function 'y-or-n-p) (lambda (prompt) (push prompt prompts) t)))
      (eglot-rename "Long-context prefill"))
    (papernotes-check-put 'rename_prompts (vconcat prompts))
    (papernotes-check-put 'note_title (buffer-substring-no-properties
                                      (line-beginning-position) (line-end-position)))

    ;; The quick fixes on [[Prefill tricks]] in plans.md; the user picks "Create note".
    (find-file plans)
    (papernotes-check-wait "eglot to manage plans.md" 30 (lambda () eglot--managed-mode))
    (papernotes-check-put 'plans_after_rename (buffer-substring-no-properties (point-min) (point-max)))
    (papernotes-check-goto "[[Prefill tricks]]" 4)
    (let ((offered nil)
          (created (expand-file-name "Prefill tricks.md" folder))
          ;; Not a mouse event: eglot asks with completing-read, not a popup menu.
          (last-nonmenu-event ?\r))
      (cl-letf (((symbol-function 'completing-read)
                 (lambda (_prompt collection &rest _)
                   (setq offered (mapcar #'car collection))
                   (or (seq-find (lambda (title) (string-prefix-p "Create note" title)) offered)
                       (error "no Create note action among %S" offered)))))
        (eglot-code-actions (point) (point) nil t))
      (papernotes-check-put 'actions (vconcat offered))
      (papernotes-check-wait "the new note on disk" 20 (lambda () (file-exists-p created))))
    (save-some-buffers t)
    (papernotes-check-put 'ok t)))

(let ((result-file (papernotes-check-env "PAPERNOTES_RESULT")))
  (condition-case err
      (papernotes-check-run)
    (error (papernotes-check-put 'error (error-message-string err))))
  (unless (assq 'ok papernotes-check-result)
    (papernotes-check-put 'ok :json-false))
  (with-temp-file result-file
    (insert (json-encode papernotes-check-result)))
  (ignore-errors
    (dolist (server (hash-table-values eglot--servers-by-project))
      (dolist (s server) (eglot-shutdown s nil 5))))
  (kill-emacs 0))

;;; check.el ends here
