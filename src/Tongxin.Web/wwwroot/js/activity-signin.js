// Activity sign-in pages: the rotating QR on the hall screen, and the staff's camera scanner of
// members' duty codes (jsQR decodes the video frames).
(function () {
    var screen = document.getElementById('signin-screen');
    if (screen) {
        var left = parseInt(screen.getAttribute('data-seconds-left'), 10) || 60;
        var leftText = document.getElementById('signin-left');
        var refresh = function () {
            fetch(screen.getAttribute('data-state-url'), { headers: { Accept: 'application/json' }, cache: 'no-store' })
                .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
                .then(function (s) {
                    document.getElementById('signin-qr').src = screen.getAttribute('data-qr-url') + '&c=' + encodeURIComponent(s.code);
                    document.getElementById('signin-code').textContent = s.code;
                    document.getElementById('signed-in-count').textContent = s.signedIn;
                    document.getElementById('expected-count').textContent = s.expected;
                    left = s.secondsLeft;
                })
                .catch(function () { left = 5; });
        };
        setInterval(function () {
            left -= 1;
            if (left <= 0) { left = 60; refresh(); }
            if (leftText) { leftText.textContent = Math.max(0, left); }
        }, 1000);
        // The count also moves between code changes.
        setInterval(refresh, 15000);
        var full = document.getElementById('fullscreen');
        if (full) {
            full.addEventListener('click', function () {
                if (screen.requestFullscreen) { screen.requestFullscreen(); }
            });
        }
    }

    var form = document.getElementById('scan-form');
    if (!form) { return; }
    var result = document.getElementById('scan-result');
    var show = function (ok, message) {
        result.className = 'alert ' + (ok ? 'alert-success' : 'alert-danger');
        result.textContent = message;
    };
    var busy = false;
    var lastCode = '', lastAt = 0;
    var post = function (code) {
        busy = true;
        var data = new FormData(form);
        data.set('Code', code);
        return fetch(form.action || window.location.href, { method: 'POST', body: data, headers: { Accept: 'application/json' } })
            .then(function (r) { return r.json(); })
            .then(function (r) {
                show(r.ok, r.message);
                document.getElementById('signed-in-count').textContent = r.signedIn;
                document.getElementById('expected-count').textContent = r.expected;
            })
            .catch(function () { show(false, '网络异常，签到未完成，请重试。'); })
            .finally(function () { busy = false; });
    };
    form.addEventListener('submit', function (e) {
        e.preventDefault();
        var input = document.getElementById('Code');
        post(input.value.trim()).then(function () { input.value = ''; input.focus(); });
    });

    var start = document.getElementById('scan-start');
    var video = document.getElementById('scan-video');
    var canvas = document.getElementById('scan-canvas');
    start.addEventListener('click', function () {
        if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || typeof jsQR !== 'function') {
            show(false, '此浏览器无法使用摄像头，请手工输入履职码。');
            return;
        }
        navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(function (stream) {
            video.srcObject = stream;
            video.play();
            start.classList.add('d-none');
            var context = canvas.getContext('2d', { willReadFrequently: true });
            var tick = function () {
                if (video.readyState === video.HAVE_ENOUGH_DATA && !busy) {
                    canvas.width = video.videoWidth;
                    canvas.height = video.videoHeight;
                    context.drawImage(video, 0, 0, canvas.width, canvas.height);
                    var image = context.getImageData(0, 0, canvas.width, canvas.height);
                    var found = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
                    // The same code held in front of the camera is posted once every few seconds, not every frame.
                    if (found && found.data && (found.data !== lastCode || Date.now() - lastAt > 4000)) {
                        lastCode = found.data;
                        lastAt = Date.now();
                        post(found.data);
                    }
                }
                requestAnimationFrame(tick);
            };
            requestAnimationFrame(tick);
        }).catch(function () {
            show(false, '无法打开摄像头（需要 HTTPS 并允许使用摄像头），请手工输入履职码。');
        });
    });
})();
